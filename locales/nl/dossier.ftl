dossier-format-html = Een los HTML-dossier, om te printen
dossier-annex = Bijlage { $n }
dossier-zone-country = Tijden zijn de klok van { $country }, met de tijdzone ({ $zones }).
dossier-zone-local = Tijden zijn de klok van deze computer, met het verschil met UTC.
dossier-summary = Samenvatting
dossier-summary-case = Een klacht tegen { $org }, open sinds { $since } (nu { $status }).
dossier-summary-figures = { $calls ->
    [one] 1 keer gebeld
   *[other] { $calls } keer gebeld
}, { $redirects ->
    [one] 1 keer doorverwezen
   *[other] { $redirects } keer doorverwezen
}, { $broken ->
    [one] 1 gebroken belofte
   *[other] { $broken } gebroken beloften
}, { $days ->
    [one] 1 dag
   *[other] { $days } dagen
} zonder dienst.
dossier-remedy = Gevraagd: dat het weer werkt, en een vergoeding voor de tijd zonder.
dossier-remedy-money = Gevraagd: dat het weer werkt, en minstens { $total } vergoeding (schatting hieronder).
dossier-written = Schriftelijke klachten en reacties
dossier-written-none = Er is nog geen schriftelijke klacht of reactie vastgelegd.
dossier-promises = Beloften gedaan, nagekomen en gebroken
dossier-promises-count = { $made ->
    [one] 1 belofte gedaan
   *[other] { $made } beloften gedaan
}: { $kept } nagekomen, { $broken } gebroken.
dossier-col-made = Gedaan
dossier-col-who = Wie
dossier-col-promise = Belofte
dossier-col-due = Uiterlijk
dossier-col-state = Stand
dossier-broken = Gebroken beloften
dossier-someone = Iemand zonder naam
dossier-broken-line = { $who } beloofde op { $made }{ $what }, uiterlijk { $due }: niet nagekomen.
dossier-broken-line-undated = { $who } beloofde op { $made }{ $what }: niet nagekomen.
dossier-checks = Ontvankelijkheid
dossier-checks-intro = Wat een geschillencommissie nagaat voor ze een zaak aanneemt; een waarschuwing, geen blokkade.
dossier-check-complaint = Er is schriftelijk geklaagd op { $when }.
dossier-check-no-complaint = Er is geen schriftelijke klacht vastgelegd: de geschillencommissie vraagt die eerst.
dossier-check-answered = Het bedrijf heeft gereageerd ({ $rule }): lost dat het niet op, dan kun je naar de geschillencommissie.
dossier-check-waited = Lang genoeg gewacht: { $rule } liep af op { $due }.
dossier-check-wait = Nog niet: { $rule } loopt tot { $due }; daarna kun je naar de geschillencommissie.
dossier-check-in-window = Op tijd: { $rule } loopt tot { $due }.
dossier-check-window-closed = De termijn is mogelijk verlopen: { $rule } liep tot { $due }.
dossier-evidence = Bewijs
dossier-evidence-what = { $what }: { $said }
dossier-evidence-none = Er is nog geen bewijs vastgelegd.
dossier-col-annex = Bijlage
dossier-col-evidence = Bewijsstuk
dossier-digest = Controlegetal
dossier-digest-how = Om een kopie te controleren: deze opdracht geeft hetzelfde getal voor de zaak zoals die is geëxporteerd:
dossier-evidence-file = { $title } (bestand { $file })
