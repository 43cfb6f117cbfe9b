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
time-not-a-time = '{ $value }' is geen tijd (gebruik 'now', 'UU:MM', '-2h', '+2d', 'gisteren 14:00', 'JJJJ-MM-DD UU:MM[:SS]', 'JJJJ-MM-DD' of RFC 3339)
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

## Rule packs: `rules`, `clocks`, `due`
rules-not-advice = Schattingen volgens de regelpakketten, met hun bronnen; geen juridisch advies.
pack-verified = geverifieerd
pack-secondary = secundair
pack-unverified = ongeverifieerd
pack-disputed = omstreden
pack-written-complaint = schriftelijke klacht
pack-complaint = klacht
pack-reply = antwoord
pack-deadlock = vastgelopen klacht
pack-outage = storing
pack-restored = herstel
pack-no-show = niet-verschenen monteur
pack-earliest = vanaf
pack-latest = uiterlijk
pack-reply-due = antwoord
pack-claim-by = claim voor
pack-automatic = automatisch
pack-on-request = op verzoek
pack-running = loopt
pack-passed = verlopen
pack-done = klaar
pack-hours = { $n } uur
pack-calendar-days = { $n ->
    [one] { $n } kalenderdag
   *[other] { $n } kalenderdagen
}
pack-working-days = { $n ->
    [one] { $n } werkdag
   *[other] { $n } werkdagen
}
pack-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weken
}
pack-months = { $n ->
    [one] { $n } maand
   *[other] { $n } maanden
}
pack-years = { $n } jaar
rules-pack-not-loaded = een regelpakket is niet geladen: { $error }
rules-no-pack = geen regelpakket voor { $country }
rules-pack-heading = { $country } · bedragen in { $currency } · kalender { $status } ({ $holidays } feestdagregels)
rules-did-not-load = Niet geladen:
rules-some-not-loaded = { $count } { $count ->
    [one] regelpakketbestand is
   *[other] regelpakketbestanden zijn
} niet geladen (de andere gelden)
rules-only = alleen { $providers }
rules-for-customers = voor { $customers }
rules-from-file = uit { $file }
rules-on = geldt
rules-until = tot { $date }
rules-source = bron: { $title } <{ $url }> (gelezen { $read })
rules-effect-clock = klok: { $meaning }, { $after } vanaf { $anchor }
rules-per-each = per keer
rules-per-day-or-part = per 24 uur of deel ervan, boven { $hours } uur
rules-per-day-after = per dag na { $after }
rules-per-complete-day = per hele dag na { $days } dagen
rules-tiered = , in staffels
rules-by-a-table = , volgens een tabel
rules-effect-compensation = vergoeding { $claim }, { $per }, { $anchor }{ $kind }
dur-days = { $n ->
    [one] { $n } dag
   *[other] { $n } dagen
}
dur-hours = { $n } uur
dur-minutes = { $n ->
    [one] { $n } minuut
   *[other] { $n } minuten
}
rules-the-monthly-fee = het maandbedrag
rules-fraction-of = { $part } van { $fee }
rules-percent-of = { $part } van { $fee }
rules-for-by-the-table = { $amount } voor { $days } volgens de tabel
rules-raised-to-minimum = , verhoogd tot het minimum van { $amount }
rules-capped-at = , begrensd op { $amount }
rules-out-for = : { $duration } zonder dienst
rules-missed-appointment = : gemiste afspraak van { $when }
rules-another-reading = ; andere lezing ({ $reading }): { $amount }
clocks-heading = { $title } · { $country } · op { $when }
clocks-no-country = geen land
clocks-missing-country = Ontbreekt: het land van de zaak, dus er gelden geen regels (runaround set { $id } --country C)
clocks-missing-pack = Ontbreekt: er is geen regelpakket voor { $country }
clocks-missing-fee = Ontbreekt: het maandbedrag, voor { $rules } (runaround set { $id } --fee BEDRAG)
clocks-missing-customer = Ontbreekt: de soort klant, voor { $rules } (runaround set { $id } --customer consumer|small-business|business)
clocks-clocks = Klokken
clocks-from-event = vanaf de { $kind } van { $when }
clocks-compensation = Vergoeding
clocks-range = { $low } tot { $high }
clocks-at-least = minstens { $amount } in totaal
clocks-not-applied = Niet toegepast
clocks-the-event = de { $kind } van { $when }
clocks-before-in-force = valt vóór de regel in werking trad ({ $first })
clocks-no-version = valt in geen enkele versie van de regel
clocks-nothing-yet = levert (nog) niets op
clocks-questions = Vragen die de gebeurtenissen niet beantwoorden
due-bad-within = --within: '{ $value }' is geen duur van hoogstens tien jaar (bijv. 7d, 12h, 2w)
due-ics-clock = { $meaning } ({ $status }, een schatting, geen juridisch advies)
due-ics-promise = een belofte aan jou
due-ics-description = { $what }; zaak { $id }; { $state }
due-what = { $what }: { $summary }

## The config file's problems
config-cannot-read = kan het configbestand niet lezen: { $error }
config-bad-theme = theme { $value } is niet "dark", "light" of "16"
config-bad-week-start = week_start { $value } is niet "monday" of "sunday"
config-bad-language = language { $value } is niet "en", "nl" of "fr"
config-not-an-action = { $name } is geen actie (`runaround config --default` noemt ze allemaal)
config-no-key = { $name }: geen toets gegeven
config-bad-date-format = date_format { $value } is geen geldig strftime-formaat (zie strftime van chrono)

## The journal on disk: its errors and problems
storage-read-only = zaak { $id } is alleen-lezen: { $reason }
storage-not-found = zaak { $id } bestaat niet
storage-exists = zaak { $id } bestaat al
storage-bad-id = '{ $id }' is geen geldige zaak-id (gebruik 1 tot 64 letters, cijfers, '-' en '_')
storage-encode = zaak { $id } kon niet worden vastgelegd: { $reason }
storage-locked = { $path } wordt gewijzigd door { $holder }: wachten opgegeven
storage-random = geen willekeurige getallen voor een nieuwe zaak-id: { $error }
storage-another-process = een ander proces
storage-another-process-pid = een ander proces (laatst genomen door pid { $pid })
storage-exposed = { $path } is open voor andere gebruikers (modus { $mode }); `chmod 700 { $path }` maakt het privé
file-not-regular = het bestand is niet te lezen: het is geen gewoon bestand
file-too-big = het bestand is { $len } bytes, meer dan een zaakbestand mag zijn ({ $max })
file-io = het bestand is niet te lezen: { $error }
file-not-utf8 = het bestand is geen geldige UTF-8-tekst
file-empty = het bestand is leeg
file-parse = regel { $line }, kolom { $column }: { $message }
file-newer-schema = geschreven door een nieuwere runaround (schema { $schema }, deze leest tot { $ours })
file-newer-schema-writes = geschreven door een nieuwere runaround (schema { $schema }, deze schrijft { $ours })
file-bad-event = gebeurtenis { $number }: { $message }
file-bad-deleted-event = verwijderde gebeurtenis { $number }: { $message }
file-id-mismatch = het bestand zegt dat de id '{ $inside }' is, maar de naam zegt '{ $name }'
file-event-n = gebeurtenis { $number }
file-deleted-event-n = verwijderde gebeurtenis { $number }
file-event-field = { $field } van { $event }
file-correction-of = een correctie van { $event }
file-the-opening = de opening
file-the-active-call = het lopende gesprek
file-a-time = een tijd
file-line = regel { $line }:
file-unknown-key = onbekende sleutel '{ $key }'
file-a-comment = een commentaar
file-time-out-of-range = { $place } is { $time }, buiten de jaren { $first }-{ $last }
file-lost-key = runaround zou die bij de volgende keer opslaan weglaten, dus deze zaak is alleen-lezen tot de sleutel weg is of hernoemd
file-lost-comment = runaround bewaart geen commentaar en zou het bij de volgende keer opslaan weglaten, dus deze zaak is alleen-lezen tot het commentaar weg is
file-lost-time = runaround kan die niet terugschrijven, dus deze zaak is alleen-lezen tot de tijd verbeterd is
file-also = ook { $named }
file-also-more = ook { $named }, en nog { $more }
file-time-outside = { $place } ({ $time }) valt buiten de jaren { $first }-{ $last }
cli-clap-error = fout:
cli-clap-tip = tip:
cli-clap-more = Meer informatie: probeer '--help'.
cli-format-md = Een dossier in Markdown
cli-format-json = Eén JSON-object (te importeren)
cli-format-csv = Eén CSV-regel per gebeurtenis
