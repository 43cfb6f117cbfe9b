# pictures: de runaround-kaart, het nummerboek en de grafieken.

## Soorten plekken
pictures-kind-number = nummer
pictures-kind-shop = winkel
pictures-kind-website = website
pictures-kind-department = afdeling

## De kaart
pictures-map-title = Van het kastje naar de muur: { $title } ({ $organisation })
pictures-map-empty = Nog geen gesprekken of doorverwijzingen: niets om te tekenen.
pictures-places = Plekken
pictures-redirects = Doorverwijzingen
pictures-loop = rondje
pictures-times-here = ({ $times }× hier)
pictures-places-count = { $count ->
    [one] 1 plek
   *[other] { $count } plekken
}
pictures-redirects-count = { $count ->
    [one] 1 doorverwijzing
   *[other] { $count } doorverwijzingen
}
pictures-loops-count = { $count ->
    [one] 1 rondje
   *[other] { $count } rondjes
}
pictures-calls = { $count ->
    [one] 1 gesprek
   *[other] { $count } gesprekken
}
pictures-median-hold = mediaan in de wacht { $duration }
pictures-longest = langst { $duration }
pictures-sent-on = stuurde je { $count }× door
pictures-sent-back = { $count }× hierheen teruggestuurd
pictures-helped-here = dit hielp
pictures-helped = Wat hielp: { $place }
pictures-helped-none = Nog niets heeft geholpen.

## Het nummerboek
pictures-sent-to = stuurde je naar { $places }
pictures-sent-from = hierheen gestuurd door { $places }
pictures-fixed-after = opgelost na { $fixes } van { $contacts } contacten
pictures-sent-elsewhere = stuurde je { $times } van { $contacts } keer door
pictures-numbers-none = Nog geen nummers: log gesprekken en doorverwijzingen, dan staan ze hier.
pictures-numbers-none-for = Nog geen nummers van { $organisation }.

## --help van map en numbers
help-map = De runaround-kaart: de plekken waartussen je heen en weer werd gestuurd, met de rondjes
help-map-format = text (een leesbare keten) of dot (Graphviz)
help-map-json = Eén JSON-object
help-numbers = Het nummerboek: nummers en afdelingen, geleerd uit alle zaken
help-numbers-org = Alleen die van deze organisatie
help-numbers-json = Een JSON-array in plaats van tekst
