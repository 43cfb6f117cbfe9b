# export: het show-overzicht, de list-tabel, het Markdown-dossier en de CSV van gebeurtenissen.

## De feiten van een gebeurtenis
export-incoming = inkomend
export-hold = wacht { $duration }
export-talk = gesproken { $duration }
export-from = van { $place }
export-to = aan { $place }
export-due = uiterlijk { $when }
export-ref = kenmerk { $reference }
export-until = tot { $when }
export-overdue-since = gebroken: verlopen sinds { $date }
export-overdue-date = %a %-d %b

## Wijzigingen
export-change-edited = gewijzigd
export-change-deleted = verwijderd
export-change-restored = teruggezet
export-amend-when = tijdstip
export-amend-kind = soort
export-amend-summary = samenvatting
export-amend-detail = toelichting
export-amend-empty = leeg
export-amend-was = { $label } was { $value }
export-deleted-on = verwijderd op { $when }: { $line }

## De tellers, als labels
export-counter-without-service = zonder service
export-counter-days-without-service = dagen zonder service
export-counter-redirects = doorverwijzingen
export-counter-calls = gesprekken
export-counter-hold = in de wacht
export-counter-longest-hold = langste wachttijd
export-counter-promises-broken = beloften gebroken
export-counter-promises-pending = beloften lopend
export-counter-no-shows = niet gekomen
export-counter-days-open = dagen open

## De voorwaarden van de zaak
export-term-country = land
export-term-customer = klant
export-term-fee = maandbedrag

## show
export-show-head = { $organisation } · { $status } · geopend { $opened } · id { $id }
export-show-read-only = alleen-lezen: { $reason }
export-show-tags = tags: { $tags }
export-show-item = { $label }: { $value }
export-show-as-of = stand van { $when }
export-show-call = gesprek loopt met { $number } sinds { $since }: { $hold } in de wacht, { $talk } gesproken, { $transfers ->
    [one] { $transfers } keer doorgezet
   *[other] { $transfers } keer doorgezet
}
export-show-timeline = tijdlijn
export-show-no-events = (nog geen gebeurtenissen)
export-show-corrections = correcties: verwijderde gebeurtenissen, zoals ze waren

## list
export-list-empty = geen open zaken (runaround list --all toont alle zaken; runaround new TITEL --org ORG maakt er een)
export-list-id = ID
export-list-status = STATUS
export-list-organisation = ORGANISATIE
export-list-no-service = ZONDER
export-list-redirects = DOORV
export-list-last-activity = LAATST ACTIEF
export-list-title = TITEL
export-list-days = { $days }d

## Het Markdown-dossier
export-md-when = %a %-d %b %Y %H:%M
export-md-item = **{ $label }:** { $value }
export-md-organisation = Organisatie
export-md-status = Status
export-md-opened = Geopend
export-md-case-id = Zaak-id
export-md-read-only = Alleen-lezen
export-md-tags = Tags
export-md-figures = In cijfers (stand van { $when })
export-md-timeline = Tijdlijn
export-md-col-when = Wanneer
export-md-col-what = Wat
export-md-col-details = Details
export-md-col-summary = Samenvatting
export-md-corrections = Correcties
export-md-corrections-intro = Gebeurtenissen die uit de tijdlijn zijn verwijderd, zoals ze waren:
export-md-notes = Notities

## CSV-kolommen, in hun volgorde (de waarden houden hun opgeslagen woorden)
export-csv-at = tijdstip
export-csv-kind = soort
export-csv-summary = samenvatting
export-csv-detail = toelichting
export-csv-number = nummer
export-csv-department = afdeling
export-csv-agent = medewerker
export-csv-direction = richting
export-csv-hold = in de wacht (seconden)
export-csv-talk = gesproken (seconden)
export-csv-outcome = afloop
export-csv-from = van
export-csv-to = naar
export-csv-due = uiterlijk
export-csv-state = stand
export-csv-channel = kanaal
export-csv-ref = kenmerk
export-csv-who = wie
export-csv-subject = onderwerp
export-csv-window-start = tijdvak van
export-csv-window-end = tijdvak tot
export-csv-effective-state = stand nu

## Problemen met geld en de voorwaarden van een zaak
money-unknown-country = onbekend land '{ $value }' (verwacht: twee letters, ISO 3166-1, bijv. { $known })
money-unknown-currency = onbekende munteenheid '{ $value }' (verwacht: EUR of GBP)
money-not-an-amount = '{ $value }' is geen geldbedrag (schrijf het als 60, 60,00 of 49.95)
money-negative-fee = het maandbedrag { $fee } is negatief
money-no-currency = het maandbedrag heeft geen munteenheid
money-wrong-currency = het bedrag is in { $currency }, maar in { $country } wordt in { $theirs } betaald

## Teksten die runaround in het dagboek schrijft
journal-outage-summary = service ligt eruit

## Problemen in een zaakbestand
file-not-rfc3339 = '{ $value }' is geen RFC 3339-tijd
file-unknown-change = onbekende wijziging '{ $value }' (gebruik een van: edited, deleted, restored)

## import
import-not-json = geen JSON-document: { $error }
import-case = zaak { $index }: { $reason }
import-case-with-id = zaak { $index } (id '{ $id }'): { $reason }
import-read-only = deze is geëxporteerd uit een alleen-lezen zaakbestand ({ $why }), en wat het alleen-lezen maakte staat niet in dit document; herstel het zaakbestand en exporteer opnieuw, of haal de sleutel "read_only" weg om de zaak zonder dat te importeren
import-bad-id = de id moet 1 tot 64 letters, cijfers, '-' en '_' zijn
import-empty-title = de titel is leeg
import-control-title = de titel '{ $title }' bestaat alleen uit stuurtekens, en is leeg zonder
import-event = gebeurtenis { $n }: { $problem }
import-deleted-event = verwijderde gebeurtenis { $n }: { $problem }

## De escalatie in het dossier
export-md-escalation = Termijnen en vergoeding
export-md-not-advice = Schattingen uit de regelpakketten, elk met hoe zeker de bronnen zijn; geen juridisch advies.
export-md-missing-country = De zaak heeft geen land, dus er gelden geen regels (runaround set ZAAK --country C).
export-md-missing-pack = Er is geen regelpakket voor { $country }.
export-md-missing-fee = Het maandbedrag ontbreekt, voor { $rules } (runaround set ZAAK --fee BEDRAG).
export-md-missing-customer = Het soort klant ontbreekt, voor { $rules } (runaround set ZAAK --customer SOORT).
export-md-col-clock = Termijn
export-md-col-meaning = Betekent
export-md-col-from = Vanaf
export-md-col-due = Uiterlijk
export-md-col-state = Stand
export-md-col-source = Bron
export-md-col-compensation = Vergoeding
export-md-col-estimate = Schatting
export-md-col-claim = Uitbetaald
export-md-range = { $low } tot { $high }
export-md-total = **Minstens { $total } in totaal** (een schatting).
export-md-sourced = { $status }: { $source }
