# cli: nl

## Loop flags and ordinals
loop-back = terug naar { $place }
loop-back-again = terug naar { $place }, { $times } keer
ordinal = { $suffix ->
   *[other] { $n }e
}

## What is wrong with a field, a time, a word
field-no-options = geen opties behalve --at
field-not-for-kind = { $flag } past niet bij een { $kind } (een { $kind } heeft: { $allowed })
field-window-backwards = het tijdvak eindigt ({ $end }) voordat het begint ({ $start })
field-outcome-for-kind = uitkomst '{ $outcome }' past niet bij een { $kind } (kies uit: { $allowed })
time-not-a-time = '{ $value }' is geen tijd (gebruik RFC 3339, 'JJJJ-MM-DD UU:MM[:SS]', 'JJJJ-MM-DD', 'UU:MM', '-2h' of 'now')
time-in-gap = '{ $value }' bestaat niet in de lokale tijdzone (de klok springt daar vooruit); geef een uur later of een expliciete offset
time-not-a-duration = '{ $value }' is geen duur (bijv. 20m, 1h5m, 90s, '1h 05m')
time-out-of-range-year = '{ $value }' valt in het jaar { $year } (UTC), buiten de jaren { $first }-{ $last } die runaround kan bewaren
time-out-of-range = '{ $value }' valt vóór elke kalender die runaround kent, buiten de jaren { $first }-{ $last } die runaround kan bewaren
time-too-long = '{ $value }' duurt langer dan { $days } dagen: zo lang duurt geen wachttijd of gesprek
word-status = status
word-event-kind = soort gebeurtenis
word-direction = richting
word-outcome = uitkomst
word-promise-state = stand van de belofte
word-channel = kanaal
word-customer-kind = soort klant
word-unknown = onbekende { $what } '{ $value }' (verwacht: { $expected })
resolve-none = geen zaak past bij '{ $query }'
resolve-no-cases = {" "}(het dossier heeft nog geen zaken)
resolve-the-cases = ; de zaken zijn:
resolve-many = '{ $query }' past bij meer dan één zaak:
draft-empty-title = de titel is leeg
draft-empty-organisation = de organisatie is leeg: zeg over wie de zaak gaat

## The command line's own outputs and errors
cli-warning = waarschuwing: { $text }
cli-no-data-dir = geen gegevensmap: geef --data-dir of RUNAROUND_DIR
cli-status-now = { $id } is nu { $status }
cli-export-read-only = zaak { $id } is alleen-lezen: { $reason }; de export bevat alleen wat runaround uit het bestand leest, niet wat daar genoemd wordt
cli-cannot-write-output = kan de uitvoer niet schrijven: { $error }
cli-cannot-be-read = { $path } is niet te lezen: { $problem }
cli-some-unreadable = { $unreadable } van { $files } { $files ->
    [one] zaakbestand
   *[other] zaakbestanden
} niet te lezen; die staan niet in de lijst
cli-rescued-notes = { $count } { $count ->
    [one] bestand
   *[other] bestanden
} met geredde notities in { $dir } (notities die niet in hun zaak bewaard konden worden): { $names }
cli-none-readable = geen van de { $files } { $files ->
    [one] zaakbestand
   *[other] zaakbestanden
} in { $dir } is te lezen
cli-is-a-directory = het is een map
cli-cannot-write = kan { $path } niet schrijven: { $error }
cli-import-failed = { $file }: { $error }; er is niets geïmporteerd
cli-import-case-failed = { $file }: zaak { $number } ({ $id }): { $error }; er is niets geïmporteerd
cli-import-exists = zaak { $id } bestaat al; overgeslagen
cli-unreadable = (onleesbaar)
cli-bad-config = fout in de config: { $error }
cli-no-config-dir = (geen configmap)
cli-config-ok = { $path }: in orde
cli-config-absent = { $path }: bestaat niet (de standaardwaarden gelden)
cli-cannot-write-manual = kan de handleiding niet schrijven: { $error }
cli-demo-no-temp = kan geen tijdelijk demodossier maken: { $error }
cli-demo-broken = het demodossier is kapot: { $error }
terms-fee-needs-country = --fee { $fee }: het bedrag is in de munt van het land van de zaak; geef ook --country
terms-no-currency = --fee { $fee }: runaround kent geen munt voor { $country }
terms-fee-currency = --country { $country }: het bedrag is in { $currency }; geef het opnieuw met --fee
terms-ref-shape = --ref '{ $reference }': schrijf het als LABEL=WAARDE
terms-ref-empty-label = --ref '{ $reference }': het label is leeg
terms-a-month = { $fee } per maand
terms-tags = labels { $tags }
terms-empty-title = --title: de titel is leeg

## The headings of --help in the languages that replace clap's own (not English)
cli-help-usage = Gebruik:
cli-help-commands = Opdrachten:
cli-help-arguments = Argumenten:
cli-help-options = Opties:
