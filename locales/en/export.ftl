# export: the show report, the list table, the Markdown dossier and the CSV of events.

## An event's facts
export-incoming = incoming
export-hold = hold { $duration }
export-talk = talk { $duration }
export-from = from { $place }
export-to = to { $place }
export-due = due { $when }
export-ref = ref { $reference }
export-until = until { $when }
export-overdue-since = broken: overdue since { $date }
# How an overdue promise names the day its due passed (chrono strftime: %a, %d, %b are said in the language).
export-overdue-date = %a %d %b

## Amendments
export-change-edited = edited
export-change-deleted = deleted
export-change-restored = restored
export-amend-when = when
export-amend-kind = kind
export-amend-summary = summary
export-amend-detail = detail
export-amend-empty = empty
export-amend-was = { $label } was { $value }
export-deleted-on = deleted on { $when }: { $line }

## The counters, as labels
export-counter-without-service = without service
export-counter-days-without-service = days without service
export-counter-redirects = redirects
export-counter-calls = calls
export-counter-hold = on hold
export-counter-longest-hold = longest hold
export-counter-promises-broken = promises broken
export-counter-promises-pending = promises pending
export-counter-no-shows = no-shows
export-counter-days-open = days open

## The case's terms
export-term-country = country
export-term-customer = customer
export-term-fee = monthly fee

## show
export-show-head = { $organisation } · { $status } · opened { $opened } · id { $id }
export-show-read-only = read-only: { $reason }
export-show-tags = tags: { $tags }
export-show-item = { $label }: { $value }
export-show-as-of = as of { $when }
export-show-call = call in progress to { $number } since { $since }: { $hold } on hold, { $talk } talking, { $transfers ->
    [one] { $transfers } transfer
   *[other] { $transfers } transfers
}
export-show-timeline = timeline
export-show-no-events = (no events yet)
export-show-corrections = corrections: deleted events, as they were

## list
export-list-empty = no open cases (runaround list --all shows every case; runaround new TITLE --org ORG creates one)
export-list-id = ID
export-list-status = STATUS
export-list-organisation = ORGANISATION
export-list-no-service = NO-SVC
export-list-redirects = REDIR
export-list-last-activity = LAST ACTIVITY
export-list-title = TITLE
export-list-days = { $days }d

## The Markdown dossier
# How the dossier writes a moment (chrono strftime: %a, %b are said in the language).
export-md-when = %a %Y-%m-%d %H:%M
export-md-item = **{ $label }:** { $value }
export-md-organisation = Organisation
export-md-status = Status
export-md-opened = Opened
export-md-case-id = Case id
export-md-read-only = Read-only
export-md-tags = Tags
export-md-figures = In figures (as of { $when })
export-md-timeline = Timeline
export-md-col-when = When
export-md-col-what = What
export-md-col-details = Details
export-md-col-summary = Summary
export-md-corrections = Corrections
export-md-corrections-intro = Events deleted from the timeline, as they were:
export-md-notes = Notes

## CSV column names, in their order (the values keep their stored words)
export-csv-at = at
export-csv-kind = kind
export-csv-summary = summary
export-csv-detail = detail
export-csv-number = number
export-csv-department = department
export-csv-agent = agent
export-csv-direction = direction
export-csv-hold = hold_seconds
export-csv-talk = talk_seconds
export-csv-outcome = outcome
export-csv-from = from
export-csv-to = to
export-csv-due = due
export-csv-state = state
export-csv-channel = channel
export-csv-ref = ref
export-csv-who = who
export-csv-subject = subject
export-csv-window-start = window_start
export-csv-window-end = window_end
export-csv-effective-state = effective_state

## Problems with money and a case's terms
money-unknown-country = unknown country '{ $value }' (expected two letters, ISO 3166-1, e.g. { $known })
money-unknown-currency = unknown currency '{ $value }' (expected EUR or GBP)
money-not-an-amount = '{ $value }' is not an amount of money (write it like 60, 60.00 or 49,95)
money-negative-fee = the monthly fee { $fee } is negative
money-no-currency = the monthly fee has no currency
money-wrong-currency = the fee is in { $currency }, but fees in { $country } are in { $theirs }

## Texts runaround writes into the journal
journal-outage-summary = service out

## Problems in a case file
file-not-rfc3339 = '{ $value }' is not an RFC 3339 time
file-unknown-change = unknown change '{ $value }' (use one of: edited, deleted, restored)

## import
import-not-json = not a JSON document: { $error }
import-case = case { $index }: { $reason }
import-case-with-id = case { $index } (id '{ $id }'): { $reason }
import-read-only = it was exported from a read-only case file ({ $why }), and what made it read-only is not in this document; fix the case file and export it again, or remove the "read_only" key to import the case without it
import-bad-id = the id must be 1 to 64 letters, digits, '-' and '_'
import-empty-title = the title is empty
import-control-title = the title '{ $title }' is only control characters, and empty without them
import-event = event { $n }: { $problem }
import-deleted-event = deleted event { $n }: { $problem }

## The dossier's escalation section
export-md-escalation = Clocks and compensation
export-md-not-advice = Estimates from the rule packs, each with how sure its sources are; not legal advice.
export-md-missing-country = The case has no country, so no rules apply (runaround set CASE --country C).
export-md-missing-pack = There is no rule pack for { $country }.
export-md-missing-fee = The monthly fee is missing, for { $rules } (runaround set CASE --fee AMOUNT).
export-md-missing-customer = The customer kind is missing, for { $rules } (runaround set CASE --customer KIND).
export-md-col-clock = Clock
export-md-col-meaning = Means
export-md-col-from = From
export-md-col-due = Due
export-md-col-state = State
export-md-col-source = Source
export-md-col-compensation = Compensation
export-md-col-estimate = Estimate
export-md-col-claim = Paid
export-md-range = { $low } to { $high }
export-md-total = **At least { $total } in all** (an estimate).
export-md-sourced = { $status }: { $source }
