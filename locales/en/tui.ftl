# tui: en

# The keys: the help overlay's descriptions, the hint line's words, the stopwatch's.
keyhelp-call-a-person-answered-talking = call: a person answered (talking)
keyhint-answered = answered
keyhelp-call-on-hold-again = call: on hold again
keyhint-hold = hold
keyhelp-call-transferred-asks-where-to = call: transferred (asks where to, logs a redirect)
keyhint-transfer = transfer
keyhelp-call-end-it-opens-the = call: end it (opens the call's form, times filled in)
keyhint-end = end
keyhelp-quit-notes-are-saved-first = quit (notes are saved first)
keyhint-quit = quit
keyhelp-this-help = this help
keyhint-help = help
keyhelp-the-cases-clocks-and-compensation = the case's clocks and compensation, with sources
keyhelp-next-pane-cases-timeline-notes = next pane: Cases → Timeline → Notes
keyhelp-previous-pane = previous pane
keyhelp-search-titles-organisations-references-notes = search titles, organisations, references, notes and events
keyhint-search = search
keyhelp-filter-cases-open-all-resolved = filter cases: open → all → resolved → closed
keyhelp-new-case = new case
keyhint-new = new
keyhelp-log-an-event-kind-picker = log an event (kind picker; times can be back-dated)
keyhint-log = log
keyhelp-start-a-call-the-stopwatch = start a call: the stopwatch runs on hold
keyhint-call = call
keyhelp-change-the-cases-status = change the case's status
keyhelp-undo-the-last-edit-or = undo the last edit or delete of an event
keyhelp-edit-the-cases-notes-in = edit the case's notes in $VISUAL / $EDITOR
keyhelp-suspend-to-the-shell-notes = suspend to the shell (notes are saved first; fg comes back)
keyhelp-down = down
keyhelp-up = up
keyhelp-page-down = page down
keyhelp-page-up = page up
keyhelp-first = first
keyhelp-last = last
keyhelp-open-the-cases-timeline = open the case's timeline
keyhelp-edit-the-selected-event = edit the selected event
keyhint-edit = edit
keyhelp-delete-the-selected-event-asks = delete the selected event (asks first; u undoes)
keyhint-delete = delete
keyhelp-edit-notes-esc-leaves-saved = edit notes (Esc leaves; saved automatically)
keyhelp-edit-notes = edit notes
keyhelp-editing-an-event-change-its = editing an event: change its kind (asks before dropping fields; u undoes)
keyhelp-quit-at-once-notes-are = quit at once (notes are saved first)
keyhelp-leaves = leaves
keyhint-done = done
keyhelp-undo = undo
keyhint-undo = undo
keyhelp-redo = redo
keyhint-redo = redo
keyhelp-save = save
keyhelp-keep = keep
keyhint-keep = keep
keyhelp-clear = clear
keyhint-clear = clear
keyhelp-next-input = next input
keyhint-move = move
keyhelp-previous-input = previous input
keyhint-save = save
keyhelp-cancel = cancel
keyhint-cancel = cancel
keyhelp-yes = yes
keyhelp-scroll-down = scroll down
keyhelp-scroll-up = scroll up
keyhelp-scroll-a-page-down = scroll a page down
keyhelp-scroll-a-page-up = scroll a page up
keyhelp-to-the-top = to the top
keyhelp-to-the-end = to the end
stopwatch-answered = answered
stopwatch-on-hold = on hold
stopwatch-transferred = transferred
stopwatch-end = end

# Forms: the inputs' labels, the titles, the placeholders.
input-kind = kind
input-when = when
input-summary = summary
input-detail = detail
input-title = title
input-organisation = organisation
input-opened = opened
input-outage-since = outage since
input-tags = tags
input-status = status
form-new-case = New case
form-log-event = Log an event
form-edit-event = Edit event
form-end-call = End the call
form-transfer = Transferred: to where?
form-call-number = Calling… (the stopwatch runs)
form-status = Status (←/→ to choose)
placeholder-transfer-to = number, department or place
placeholder-number-dialled = number dialled
placeholder-if-you-know = if you know
placeholder-agent = name, once someone answers
placeholder-duration = e.g. 20m, 1h 5m
placeholder-time = e.g. 2026-03-30 17:00, 14:00, -2h
placeholder-when = now, 14:05, -10m, yesterday 14:00
placeholder-due = +48h or +2d from when, or 2026-04-03 17:00
placeholder-summary = what happened, in a line
placeholder-detail = more, if needed
placeholder-title = e.g. No internet after moving
placeholder-organisation = who is giving you the runaround
placeholder-opened = now, or when the service went out if earlier
placeholder-outage-since = when the service went out, if it did
placeholder-tags = comma-separated

# Questions, errors and what the status line says after a change.
list-and = { $rest } and { $last }
question-change-kind = change { $old } to { $new }? { $fields } will be dropped (the event's history keeps them)
status-nothing-changed = nothing changed
status-event-changed = event changed ({ $key } undoes; its history keeps what it said)
error-field = { $field }: { $error }
error-event-gone = the event was changed or deleted elsewhere
error-deleted-event-gone = the deleted event was restored or changed elsewhere
error-call-running = a call is already running in this case
error-no-call = no call is running

# The Cases pane's filter, and why a case cannot be changed.
filter-open = open
filter-all = all
filter-resolved = resolved
filter-closed = closed
error-no-case = no case selected ({ $key } creates one)
error-case-unreadable = this case cannot be read: { $problem }
error-case-read-only = this case is read-only: { $reason }
error-case-being-read = this case is still being read
notes-placeholder = no notes yet: { $key } to write (names, promises, reference numbers…)

# The screen: too small, the welcome screen, the hint line.
screen-too-small = terminal too small
screen-needs = { $size }, needs { $needs }
welcome-title = Welcome to runaround
welcome-text = One case per problem with a company, a timeline of every call, redirect and promise, and counters that make the runaround visible.
welcome-new-case = create your first case
welcome-demo = try it first on a demo journal (yours is not touched)
welcome-help = all the keys
welcome-quit = quit
welcome-frame = No cases yet
hint-editing-notes = editing notes · { $keys } · saved as you pause
hint-searching = searching: type to narrow · { $keys }

# The panes' titles.
pane-cases = Cases
pane-timeline = Timeline
pane-notes = Notes
pane-searching = searching…
pane-cases-title = Cases ({ $count } { $filter })
pane-cases-title-short = { $count } { $filter }
pane-timeline-title = Timeline ({ $count })
pane-notes-editing = editing
pane-notes-unsaved = unsaved

# The Cases pane's rows.
cases-unreadable = ⚠ { $id } (unreadable)
cases-no-service = { $days }d no service
cases-read-only = read-only

# The header: the case's counters and the stopwatch.
header-all-clocks = { $clock } · { $key } all clocks
header-no-case = · no case selected · { $new } creates one · { $help } help
header-demo = [demo journal: a temporary copy]
counter-without-service = without service
counter-redirects = redirects
counter-calls = calls
counter-on-hold = on hold
counter-promises-broken = promises broken
counter-pending = pending
counter-no-shows = no-shows
counter-open = open
counter-days = { $days }d
counter-owed = owed
stopwatch-phase-hold = ON HOLD
stopwatch-phase-talk = TALKING
stopwatch-call = call
stopwatch-call-to = call to { $number }
stopwatch-in-all = { $total } in all
stopwatch-totals =
    on hold { $hold } · talking { $talk } · { $count ->
        [one] { $count } transfer
       *[other] { $count } transfers
    }

# The Timeline pane.
timeline-unreadable = cases/{ $id }.ron cannot be read:
timeline-unreadable-help = runaround never writes over it. Mend the file by hand (it is plain RON) or move it away; the change shows here within a second.
timeline-empty = nothing logged yet: { $log } logs an event, { $call } starts a call
timeline-amended = amended

# The help overlay and the questions.
keys-help-anywhere = anywhere
keys-help-cases = cases
keys-help-timeline = timeline
keys-help-notes = notes
keys-help-during-a-call = during a call
keys-help-in-a-form = in a form
keys-help-editing-notes = editing notes: { $keys } · paste works
keys-help-any-key = any key closes this help
keys-help-title = keys
scroll-more = { $count } more: { $down }/{ $up } scroll
scroll-back = { $up } scrolls back
confirm-kind-yes = change it and save · any other key goes back to the form
confirm-kind-title = Change the event's kind?
confirm-delete-yes = delete ({ $key } undoes) · any other key keeps it
confirm-delete-title = Delete this event?
confirm-quit-text = The notes typed here could not be saved into the case.
confirm-quit-yes = quit anyway · any other key stays (saves are retried)
confirm-quit-title = Notes not saved: quit anyway?

# A form's keys, and a config file's keys that cannot be bound.
form-keys = { $moves } move · ←→ choose · { $save } save · { $cancel } cancel
keymap-reserved = { $action } is on a reserved key (Esc leaves, Ctrl-C quits)
keymap-into-notes = the notes
keymap-into-search = the search
keymap-into-form = the form's inputs
keymap-typed-into = { $key } would be typed into { $into }: a key there needs Ctrl (C-x) or is a function key (F1-F12)
keymap-taken = { $key } is already the key of { $action }

# The clocks: the header's nearest clock and money, and the clocks view.
owed-at-least = ≥ { $money } (estimate)
owed-up-to = up to { $money } (estimate)
clock-after-complaint = written complaint today → { $clock }
clock-named-from = { $name } from { $date }
clock-escalate-from = may escalate from { $date }
clock-named-open-since = { $name } open since { $date }
clock-escalate-since = may escalate since { $date }
clock-named-last-day = { $name } last day { $date }
clock-last-day = last day to file { $date }
clock-last-day-was = last day to file was { $date }
clock-named-by = { $name } by { $date }
clock-reply-due = reply due { $date }
clock-named-overdue = { $name } overdue since { $date }
clock-reply-overdue = reply overdue since { $date }
clock-named-claim-by = { $name } claim by { $date }
clock-claim-by = claim by { $date }
clock-claim-closed = claim window closed { $date }
clocks-none-yet = No clock runs yet. A complaint by letter, e-mail or web form starts them:
clocks-no-case = No case is selected.
clocks-close = { $key } or any other key closes this
clocks-title = clocks and compensation

# The status line.
form-edit-event-key = Edit event ({ $key } changes its kind)
form-edit-event-kind = Edit event: ←/→ change its kind (asks before dropping fields)
error-no-event-log = no event selected ({ $key } logs one)
error-no-event = no event selected
status-delete-undone = delete undone{ $elsewhere } (the event's history says so)
status-edit-undone = edit undone{ $elsewhere } (the event's history says so)
error-nothing-to-undo = nothing to undo
status-in-case-id = in case { $id }
status-in-case = in case «{ $title }»
error-call-already = a call is already running ({ $key } ends it)
status-clock-went-back = the system clock went back { $span }; times count from the saved start, by the clock
status-event-deleted = event deleted ({ $key } undoes; the case keeps what it said)
status-still-here = still here, notes not saved yet: { $kept }
status-notes-saved-now = notes saved now (an earlier save had failed); { $key } quits
status-notes-saved-late = notes saved (an earlier save had failed)
status-notes-merged = notes merged with a change saved elsewhere
status-created = created case { $id }
status-not-saved = not saved: { $error }
status-kept-nowhere = they are in no file yet
status-notes-not-changed = notes not changed: { $error }
status-notes-unchanged = notes unchanged
status-notes-from-editor = notes saved from the editor

# Generated event text, start-up notices, rescued notes.
event-transferred = transferred during the call
tui-needs-terminal = the journal view needs a terminal; use `runaround list` or `show` from scripts
tui-rescued-one = notes rescued earlier wait in { $path }
tui-rescued-many = { $count } rescued notes files wait in { $dir } ({ $first }, …)
tui-pack-failed = a rule pack did not load (the others are in force): { $error }
rescue-kept = the notes are kept in { $path }
rescue-failed = the notes could not be rescued either ({ $error })
rescue-on-exit = runaround: the notes of case { $id } could not be saved ({ $error }); { $kept }
editing-unreadable = notes written in the editor for case { $id } could not be read ({ $error }); they stay in { $path }
editing-merged-conflict = notes written in the editor when runaround last ended were merged into case { $id }; where they overlap a later change both are kept between <<<<<<< and >>>>>>> lines
editing-merged = notes written in the editor when runaround last ended were merged into case { $id }
editing-not-merged = notes written in the editor for case { $id } could not be merged ({ $error }); they stay in { $path }
status-will-retry = will retry: case { $id } is in use by { $by }

# The header's demo mark when the long one does not fit.
header-demo-short = [demo]

# The user's editor, and what the terminal could not do.
editor-cannot-run = cannot run { $editor }: { $error }
editor-exited = { $editor } exited with { $status }
editing-cannot-make-temp = cannot make a temporary file in { $dir }: { $error }
editing-cannot-keep-temp = cannot keep a temporary file: { $error }
editing-cannot-lock = cannot lock { $path }: { $error }
editing-cannot-write = cannot write { $path }: { $error }
editing-cannot-make = cannot make { $path }: { $error }
editing-cannot-read-back = cannot read it back: { $error }
tui-cannot-draw = cannot draw: { $error }
tui-cannot-watch-signals = cannot watch signals: { $error }

# Keys a config file names.
key-unknown = { $key } is not a key (a character, or Tab, S-Tab, Enter, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space, Backspace, Delete, F1-F12, C-x)
key-reserved = { $key } is reserved (Esc leaves, Ctrl-C quits)

# What the filter shows.
status-showing-open = showing open cases
status-showing-all = showing all cases
status-showing-resolved = showing resolved cases
status-showing-closed = showing closed cases

## Loops: a transfer back to a place seen before
loop-flag = back to { $place }
loop-flag-again = back to { $place }, { $nth } time
loop-news-again = back to { $place } — { $nth } time

## One call at a time
confirm-call-title = Another call is running
confirm-call-text = The call in «{ $title }» is still running: its stopwatch keeps counting. Start a second call here anyway?
confirm-call-yes = start this call too · any other key does not
status-call-not-started = No call started
farewell-call-running = A call is still running: its stopwatch keeps counting, and { $key } ends it when you are back.

## What s did
status-status-set = Status: { $status }
status-status-set-hidden = { $status } — { $key } shows { $status } cases
cases-none-shown = No cases here ({ $filter }). { $key } shows the others.
cases-none-match = Nothing matches the search. { $key } clears it.

## A promise's own term
form-due-proposed = ↑ from “{ $term }”: Enter keeps it

## The case itself
keyhelp-edit-the-case-itself = edit the case: title, tags, country, fee, references
form-edit-case = Edit the case
input-country = country
input-customer = customer
input-fee = fee a month
input-refs = references
placeholder-country = two letters: NL, BE, FR, GB…
placeholder-fee = in the country's currency, e.g. 49.95
placeholder-refs = label=value; e.g. customer=12345; ticket=KPN-77
error-fee-needs-country = the fee is in the currency of the case's country: give the country too
error-no-currency = runaround knows no currency for { $country }
error-ref-shape = '{ $item }': write it as label=value
status-case-changed = Case changed

## Search points at what it found
status-found-event = found in the timeline: { $what }
status-found-notes = found in the notes, line { $line }
