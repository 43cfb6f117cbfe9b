# tui: nl

# The keys: the help overlay's descriptions, the hint line's words, the stopwatch's.
keyhelp-call-a-person-answered-talking = gesprek: er neemt iemand op (in gesprek)
keyhint-answered = opgenomen
keyhelp-call-on-hold-again = gesprek: weer in de wacht
keyhint-hold = wacht
keyhelp-call-transferred-asks-where-to = gesprek: doorgezet (vraagt waarheen, legt een doorverwijzing vast)
keyhint-transfer = doorgezet
keyhelp-call-end-it-opens-the = gesprek: beëindigen (opent het formulier, tijden ingevuld)
keyhint-end = einde
keyhelp-quit-notes-are-saved-first = stoppen (notities worden eerst bewaard)
keyhint-quit = stop
keyhelp-this-help = deze hulp
keyhint-help = hulp
keyhelp-the-cases-clocks-and-compensation = de klokken en vergoedingen van de zaak, met bronnen
keyhelp-next-pane-cases-timeline-notes = volgend paneel: Zaken → Tijdlijn → Notities
keyhelp-previous-pane = vorig paneel
keyhelp-search-titles-organisations-references-notes = zoek in titels, organisaties, kenmerken, notities en gebeurtenissen
keyhint-search = zoek
keyhelp-filter-cases-open-all-resolved = zaken filteren: open → alle → opgelost → gesloten
keyhelp-new-case = nieuwe zaak
keyhint-new = nieuw
keyhelp-log-an-event-kind-picker = gebeurtenis vastleggen (kies de soort; tijden mogen terug in de tijd)
keyhint-log = log
keyhelp-start-a-call-the-stopwatch = gesprek beginnen: de stopwatch loopt in de wacht
keyhint-call = bel
keyhelp-change-the-cases-status = de status van de zaak wijzigen
keyhelp-undo-the-last-edit-or = laatste wijziging of verwijdering van een gebeurtenis ongedaan maken
keyhelp-edit-the-cases-notes-in = de notities van de zaak bewerken in $VISUAL / $EDITOR
keyhelp-suspend-to-the-shell-notes = naar de shell (notities eerst bewaard; fg komt terug)
keyhelp-down = omlaag
keyhelp-up = omhoog
keyhelp-page-down = pagina omlaag
keyhelp-page-up = pagina omhoog
keyhelp-first = eerste
keyhelp-last = laatste
keyhelp-open-the-cases-timeline = de tijdlijn van de zaak openen
keyhelp-edit-the-selected-event = de gekozen gebeurtenis bewerken
keyhint-edit = bewerk
keyhelp-delete-the-selected-event-asks = de gekozen gebeurtenis verwijderen (vraagt eerst; u maakt ongedaan)
keyhint-delete = wis
keyhelp-edit-notes-esc-leaves-saved = notities bewerken (Esc stopt; vanzelf bewaard)
keyhelp-edit-notes = notities bewerken
keyhelp-editing-an-event-change-its = gebeurtenis bewerken: soort wijzigen (vraagt eerst als velden vervallen; u maakt ongedaan)
keyhelp-quit-at-once-notes-are = meteen stoppen (notities worden eerst bewaard)
keyhelp-leaves = stopt
keyhint-done = klaar
keyhelp-undo = ongedaan maken
keyhint-undo = terug
keyhelp-redo = opnieuw
keyhint-redo = opnieuw
keyhelp-save = bewaren
keyhelp-keep = houden
keyhint-keep = houd
keyhelp-clear = wissen
keyhint-clear = wis
keyhelp-next-input = volgend veld
keyhint-move = ga
keyhelp-previous-input = vorig veld
keyhint-save = bewaar
keyhelp-cancel = annuleren
keyhint-cancel = annuleer
keyhelp-yes = ja
keyhelp-scroll-down = omlaag scrollen
keyhelp-scroll-up = omhoog scrollen
keyhelp-scroll-a-page-down = een pagina omlaag
keyhelp-scroll-a-page-up = een pagina omhoog
keyhelp-to-the-top = naar het begin
keyhelp-to-the-end = naar het eind
stopwatch-answered = opgenomen
stopwatch-on-hold = wacht
stopwatch-transferred = doorgezet
stopwatch-end = einde

# Forms: the inputs' labels, the titles, the placeholders.
input-kind = soort
input-when = wanneer
input-summary = samenvatting
input-detail = details
input-title = titel
input-organisation = organisatie
input-opened = geopend
input-outage-since = storing sinds
input-tags = labels
input-status = status
form-new-case = Nieuwe zaak
form-log-event = Gebeurtenis vastleggen
form-edit-event = Gebeurtenis bewerken
form-end-call = Gesprek beëindigen
form-transfer = Doorgezet: waarheen?
form-call-number = Bellen… (de stopwatch loopt)
form-status = Status (←/→ om te kiezen)
placeholder-transfer-to = nummer, afdeling of plek
placeholder-number-dialled = gekozen nummer
placeholder-if-you-know = als je het weet
placeholder-agent = naam, zodra iemand opneemt
placeholder-duration = bijv. 20m, 1h 5m
placeholder-time = bijv. 2026-03-30 17:00, 14:00, -2h
placeholder-when = now, 14:05, -10m, gisteren 14:00
placeholder-due = +48h of +2d vanaf wanneer, of 2026-04-03 17:00
placeholder-summary = wat er gebeurde, in één regel
placeholder-detail = meer, als het nodig is
placeholder-title = bijv. Geen internet na verhuizing
placeholder-organisation = wie je van het kastje naar de muur stuurt
placeholder-opened = nu, of toen de storing begon als dat eerder was
placeholder-outage-since = wanneer de storing begon, als er een is
placeholder-tags = gescheiden door komma’s

# Questions, errors and what the status line says after a change.
list-and = { $rest } en { $last }
question-change-kind = { $old } wijzigen in { $new }? { $fields } vervallen (de geschiedenis van de gebeurtenis bewaart ze)
status-nothing-changed = niets gewijzigd
status-event-changed = gebeurtenis gewijzigd ({ $key } maakt ongedaan; de geschiedenis bewaart wat er stond)
error-field = { $field }: { $error }
error-event-gone = de gebeurtenis is elders gewijzigd of verwijderd
error-deleted-event-gone = de verwijderde gebeurtenis is elders teruggezet of gewijzigd
error-call-running = er loopt al een gesprek in deze zaak
error-no-call = er loopt geen gesprek

# The Cases pane's filter, and why a case cannot be changed.
filter-open = open
filter-all = alle
filter-resolved = opgelost
filter-closed = gesloten
error-no-case = geen zaak gekozen ({ $key } maakt er een)
error-case-unreadable = deze zaak is niet te lezen: { $problem }
error-case-read-only = deze zaak is alleen-lezen: { $reason }
error-case-being-read = deze zaak wordt nog gelezen
notes-placeholder = nog geen notities: { $key } om te schrijven (namen, beloftes, kenmerken…)

# The screen: too small, the welcome screen, the hint line.
screen-too-small = terminal te klein
screen-needs = { $size }, nodig: { $needs }
welcome-title = Welkom bij runaround
welcome-text = Eén zaak per probleem met een bedrijf, een tijdlijn van elk gesprek, elke doorverwijzing en belofte, en tellers die laten zien hoe je van het kastje naar de muur wordt gestuurd.
welcome-new-case = maak je eerste zaak
welcome-demo = probeer eerst een demodagboek (het jouwe blijft heel)
welcome-help = alle toetsen
welcome-quit = stoppen
welcome-frame = Nog geen zaken
hint-editing-notes = notities: { $keys } · vanzelf bewaard
hint-searching = zoeken: typ om te verfijnen · { $keys }

# The panes' titles.
pane-cases = Zaken
pane-timeline = Tijdlijn
pane-notes = Notities
pane-searching = zoekt…
pane-cases-title = Zaken ({ $filter }: { $count })
pane-cases-title-short = { $filter }: { $count }
pane-timeline-title = Tijdlijn ({ $count })
pane-notes-editing = bewerken
pane-notes-unsaved = niet bewaard

# The Cases pane's rows.
cases-unreadable = ⚠ { $id } (onleesbaar)
cases-no-service = { $days }d zonder dienst
cases-read-only = alleen-lezen

# The header: the case's counters and the stopwatch.
header-all-clocks = { $clock } · { $key } alle klokken
header-no-case = · geen zaak gekozen · { $new } maakt er een · { $help } hulp
header-demo = [demodagboek: een tijdelijke kopie]
counter-without-service = zonder dienst
counter-redirects = doorverwezen
counter-calls = gesprekken
counter-on-hold = in de wacht
counter-promises-broken = beloftes gebroken
counter-pending = lopend
counter-no-shows = niet gekomen
counter-open = open
counter-days = { $days }d
counter-owed = vergoeding
stopwatch-phase-hold = WACHT
stopwatch-phase-talk = GESPREK
stopwatch-call = gesprek
stopwatch-call-to = naar { $number }
stopwatch-in-all = { $total } totaal
stopwatch-totals = wacht { $hold } · gesprek { $talk } · { $count ->
        [one] { $count }× doorgezet
       *[other] { $count }× doorgezet
    }
# The Timeline pane.
timeline-unreadable = cases/{ $id }.ron is niet te lezen:
timeline-unreadable-help = runaround schrijft er nooit overheen. Herstel het bestand met de hand (het is gewone RON) of zet het ergens anders; de wijziging is hier binnen een seconde te zien.
timeline-empty = nog niets vastgelegd: { $log } legt een gebeurtenis vast, { $call } begint een gesprek
timeline-amended = gecorrigeerd

# The help overlay and the questions.
keys-help-anywhere = overal
keys-help-cases = zaken
keys-help-timeline = tijdlijn
keys-help-notes = notities
keys-help-during-a-call = tijdens een gesprek
keys-help-in-a-form = in een formulier
keys-help-editing-notes = notities bewerken: { $keys } · plakken werkt
keys-help-any-key = elke toets sluit deze hulp
keys-help-title = toetsen
scroll-more = nog { $count }: { $down }/{ $up } scrollt
scroll-back = { $up } scrollt terug
confirm-kind-yes = wijzig en bewaar · elke andere toets gaat terug naar het formulier
confirm-kind-title = Soort van de gebeurtenis wijzigen?
confirm-delete-yes = verwijderen ({ $key } maakt ongedaan) · elke andere toets houdt hem
confirm-delete-title = Deze gebeurtenis verwijderen?
confirm-quit-text = De hier getypte notities konden niet in de zaak worden bewaard.
confirm-quit-yes = toch stoppen · elke andere toets blijft (bewaren wordt opnieuw geprobeerd)
confirm-quit-title = Notities niet bewaard: toch stoppen?

# A form's keys, and a config file's keys that cannot be bound.
form-keys = { $moves } ga · ←→ kies · { $save } bewaar · { $cancel } annuleer
keymap-reserved = { $action } zit op een vaste toets (Esc gaat terug, Ctrl-C stopt)
keymap-into-notes = de notities
keymap-into-search = de zoekopdracht
keymap-into-form = de velden van het formulier
keymap-typed-into = { $key } zou getypt worden in { $into }: een toets daar heeft Ctrl nodig (C-x) of is een functietoets (F1-F12)
keymap-taken = { $key } is al de toets van { $action }

# The clocks: the header's nearest clock and money, and the clocks view.
owed-at-least = ≥ { $money } (schatting)
owed-up-to = tot { $money } (schatting)
clock-after-complaint = schriftelijke klacht vandaag → { $clock }
clock-named-from = { $name } vanaf { $date }
clock-escalate-from = escaleren mag vanaf { $date }
clock-named-open-since = { $name } open sinds { $date }
clock-escalate-since = escaleren mag sinds { $date }
clock-named-last-day = { $name } uiterlijk { $date }
clock-last-day = uiterlijk indienen { $date }
clock-last-day-was = uiterlijk indienen was { $date }
clock-named-by = { $name } uiterlijk { $date }
clock-reply-due = antwoord uiterlijk { $date }
clock-named-overdue = { $name } te laat sinds { $date }
clock-reply-overdue = antwoord te laat sinds { $date }
clock-named-claim-by = { $name } claimen uiterlijk { $date }
clock-claim-by = claimen uiterlijk { $date }
clock-claim-closed = claimen kon tot { $date }
clocks-none-yet = Er loopt nog geen klok. Een klacht per brief, e-mail of webformulier zet ze in gang:
clocks-no-case = Er is geen zaak gekozen.
clocks-close = { $key } of elke andere toets sluit dit
clocks-title = klokken en vergoedingen

# The status line.
form-edit-event-key = Gebeurtenis bewerken ({ $key } wijzigt de soort)
form-edit-event-kind = Gebeurtenis bewerken: ←/→ wijzigt de soort (vraagt eerst als velden vervallen)
error-no-event-log = geen gebeurtenis gekozen ({ $key } legt er een vast)
error-no-event = geen gebeurtenis gekozen
status-delete-undone = verwijderen ongedaan gemaakt{ $elsewhere } (de geschiedenis van de gebeurtenis vermeldt het)
status-edit-undone = wijziging ongedaan gemaakt{ $elsewhere } (de geschiedenis van de gebeurtenis vermeldt het)
error-nothing-to-undo = niets om ongedaan te maken
status-in-case-id = in zaak { $id }
status-in-case = in zaak ‘{ $title }’
error-call-already = er loopt al een gesprek ({ $key } beëindigt het)
status-clock-went-back = de systeemklok ging { $span } terug; tijden tellen vanaf het bewaarde begin, volgens de klok
status-event-deleted = gebeurtenis verwijderd ({ $key } maakt ongedaan; de zaak bewaart wat er stond)
status-still-here = nog hier, notities nog niet bewaard: { $kept }
status-notes-saved-now = notities nu bewaard (eerder bewaren was mislukt); { $key } stopt
status-notes-saved-late = notities bewaard (eerder bewaren was mislukt)
status-notes-merged = notities samengevoegd met een elders bewaarde wijziging
status-created = zaak { $id } gemaakt
status-not-saved = niet bewaard: { $error }
status-kept-nowhere = ze staan nog in geen enkel bestand
status-notes-not-changed = notities niet gewijzigd: { $error }
status-notes-unchanged = notities ongewijzigd
status-notes-from-editor = notities uit de editor bewaard

# Generated event text, start-up notices, rescued notes.
event-transferred = doorgezet tijdens het gesprek
tui-needs-terminal = het dagboek heeft een terminal nodig; gebruik `runaround list` of `show` in scripts
tui-rescued-one = eerder geredde notities staan in { $path }
tui-rescued-many = { $count } bestanden met geredde notities staan in { $dir } ({ $first }, …)
tui-pack-failed = een regelpakket laadde niet (de andere gelden): { $error }
rescue-kept = de notities staan veilig in { $path }
rescue-failed = de notities konden ook niet gered worden ({ $error })
rescue-on-exit = runaround: de notities van zaak { $id } konden niet bewaard worden ({ $error }); { $kept }
editing-unreadable = in de editor geschreven notities voor zaak { $id } waren niet te lezen ({ $error }); ze blijven in { $path }
editing-merged-conflict = notities die in de editor stonden toen runaround de vorige keer stopte, zijn samengevoegd in zaak { $id }; waar ze botsen met een latere wijziging staan beide tussen regels <<<<<<< en >>>>>>>
editing-merged = notities die in de editor stonden toen runaround de vorige keer stopte, zijn samengevoegd in zaak { $id }
editing-not-merged = in de editor geschreven notities voor zaak { $id } konden niet samengevoegd worden ({ $error }); ze blijven in { $path }
status-will-retry = probeert opnieuw: zaak { $id } is in gebruik door { $by }

# The header's demo mark when the long one does not fit.
header-demo-short = [demo]

# The user's editor, and what the terminal could not do.
editor-cannot-run = kan { $editor } niet starten: { $error }
editor-exited = { $editor } stopte met { $status }
editing-cannot-make-temp = kan geen tijdelijk bestand maken in { $dir }: { $error }
editing-cannot-keep-temp = kan een tijdelijk bestand niet bewaren: { $error }
editing-cannot-lock = kan { $path } niet vergrendelen: { $error }
editing-cannot-write = kan { $path } niet schrijven: { $error }
editing-cannot-make = kan { $path } niet maken: { $error }
editing-cannot-read-back = kan het niet teruglezen: { $error }
tui-cannot-draw = kan niet tekenen: { $error }
tui-cannot-watch-signals = kan signalen niet volgen: { $error }

# Keys a config file names.
key-unknown = { $key } is geen toets (wel: een teken, of Tab, S-Tab, Enter, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space, Backspace, Delete, F1-F12, C-x)
key-reserved = { $key } is een vaste toets (Esc gaat terug, Ctrl-C stopt)

# What the filter shows.
status-showing-open = toont open zaken
status-showing-all = toont alle zaken
status-showing-resolved = toont opgeloste zaken
status-showing-closed = toont gesloten zaken

## Loops: a transfer back to a place seen before
loop-flag = terug naar { $place }
loop-flag-again = terug naar { $place }, { $nth } keer
loop-news-again = terug naar { $place } — { $nth } keer

## One call at a time
confirm-call-title = Er loopt al een gesprek
confirm-call-text = Het gesprek in «{ $title }» loopt nog: de stopwatch telt door. Toch hier een tweede gesprek beginnen?
confirm-call-yes = ook dit gesprek beginnen · elke andere toets niet
status-call-not-started = Geen gesprek begonnen
farewell-call-running = Er loopt nog een gesprek: de stopwatch telt door, en { $key } beëindigt het als je terug bent.

## What s did
status-status-set = Status: { $status }
status-status-set-hidden = { $status } — met { $key } zie je deze zaak weer
cases-none-shown = Geen zaken hier ({ $filter }). { $key } toont de andere.
cases-none-match = Niets gevonden. { $key } wist de zoekopdracht.

## A promise's own term
form-due-proposed = ↑ uit “{ $term }”: Enter houdt het

## The case itself
keyhelp-edit-the-case-itself = zaak bewerken: titel, tags, land, bedrag, referenties
form-edit-case = Zaak bewerken
input-country = land
input-customer = klant
input-fee = per maand
input-refs = referenties
placeholder-country = twee letters: NL, BE, FR, GB…
placeholder-fee = in de munt van het land, bijv. 49,95
placeholder-refs = label=waarde; bijv. klantnummer=12345; ticket=KPN-77
error-fee-needs-country = het bedrag is in de munt van het land van de zaak: vul ook het land in
error-no-currency = runaround kent geen munt voor { $country }
error-ref-shape = '{ $item }': schrijf het als label=waarde
status-case-changed = Zaak gewijzigd

## Search points at what it found
status-found-event = gevonden in de tijdlijn: { $what }
status-found-notes = gevonden in de notities, regel { $line }
