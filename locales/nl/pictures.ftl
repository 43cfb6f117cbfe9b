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
pictures-fixed-after = opgelost na { $fixes } van { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacten
}
pictures-sent-elsewhere = stuurde je { $times } van { $contacts } keer door
pictures-numbers-none = Nog geen nummers: log gesprekken en doorverwijzingen, dan staan ze hier.
pictures-numbers-none-for = Nog geen nummers van { $organisation }.

## --help van map en numbers
help-map = De runaround-kaart: de plekken waartussen je heen en weer werd gestuurd, met de rondjes
help-map-format = text (een leesbare keten), dot (Graphviz) of svg (een plaatje)
help-map-json = Eén JSON-object
help-numbers = Het nummerboek: nummers en afdelingen, geleerd uit alle zaken
help-numbers-org = Alleen die van deze organisatie
help-numbers-json = Een JSON-array in plaats van tekst

## De plaatjes in de TUI
pictures-keyhelp-map = kaart van de zaak: plekken, doorverwijzingen, rondjes
pictures-keyhelp-numbers = nummerboek, geleerd uit alle zaken
pictures-keyhelp-charts = grafieken: wachttijd per gesprek, tijd zonder dienst per dag
pictures-title-map = Van het kastje naar de muur
pictures-title-numbers = Nummers
pictures-title-charts = Grafieken
pictures-hint = { $pick } kies · { $next } volgend plaatje · andere toets sluit
pictures-no-case = Geen zaak gekozen.
pictures-call-hold = wacht { $duration }
pictures-numbers-learning = Alle zaken lezen…
pictures-numbers-heading = { $organisation }: { $count ->
    [one] 1 nummer of afdeling
   *[other] { $count } nummers en afdelingen
}, uit alle zaken
pictures-col-place = plek
pictures-col-kind = soort
pictures-col-calls = gespr.
pictures-col-median = mediaan
pictures-col-longest = langst
pictures-col-sent-on = door
pictures-chart-holds = In de wacht per gesprek (minuten): { $count ->
    [one] 1 gesprek
   *[other] { $count } gesprekken
}, { $total } in de wacht
pictures-chart-no-calls = Nog geen gesprekken.
pictures-chart-days = Zonder dienst per dag (uren): { $total } in totaal
pictures-chart-no-outage = Zonder dienst per dag: geen storing gelogd.
pictures-suggested = bekende nummers · { $key } neemt de eerste
pictures-keyhelp-take-number = formulier: neem het eerste bekende nummer
pictures-chart-days-last = Zonder dienst per dag (uren), de laatste { $days } dagen: { $total } in totaal
