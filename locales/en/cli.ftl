# cli: en

## Loop flags and ordinals
loop-back = back to { $place }
loop-back-again = back to { $place }, { $times } time
ordinal = { $n }{ $suffix }

## What is wrong with a field, a time, a word
field-no-options = no options beyond --at
field-not-for-kind = { $flag } makes no sense for a { $kind } event (a { $kind } has: { $allowed })
field-window-backwards = the window ends ({ $end }) before it starts ({ $start })
field-outcome-for-kind = outcome '{ $outcome }' does not fit a { $kind } (use one of: { $allowed })
time-not-a-time = '{ $value }' is not a time (use 'now', 'HH:MM', '-2h', '+2d', 'yesterday 14:00', 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DD' or RFC 3339)
time-in-gap = '{ $value }' does not exist in the local time zone (the clocks jump forward there); give a time an hour later or an explicit offset
time-not-a-duration = '{ $value }' is not a duration (use e.g. 20m, 1h5m, 90s, '1h 05m')
time-out-of-range-year = '{ $value }' falls in the year { $year } (UTC), outside the years { $first }-{ $last } that runaround can keep
time-out-of-range = '{ $value }' falls before any calendar runaround knows, outside the years { $first }-{ $last } that runaround can keep
time-too-long = '{ $value }' is longer than { $days } days: no single hold or talk lasts that long
word-status = status
word-event-kind = event kind
word-direction = direction
word-outcome = outcome
word-promise-state = promise state
word-channel = channel
word-customer-kind = customer kind
word-unknown = unknown { $what } '{ $value }' (expected one of: { $expected })
resolve-none = no case matches '{ $query }'
resolve-no-cases = {" "}(the journal has no cases yet)
resolve-the-cases = ; the cases are:
resolve-many = '{ $query }' matches more than one case:
draft-empty-title = the title is empty
draft-empty-organisation = the organisation is empty: name who the case is about

## The command line's own outputs and errors
cli-warning = warning: { $text }
cli-no-data-dir = no data directory: set --data-dir or RUNAROUND_DIR
cli-status-now = { $id } is now { $status }
cli-export-read-only = case { $id } is read-only: { $reason }; the export holds only what runaround reads from the file, not what is named there
cli-cannot-write-output = cannot write output: { $error }
cli-cannot-be-read = { $path } cannot be read: { $problem }
cli-some-unreadable = { $unreadable } of { $files } case { $files ->
    [one] file
   *[other] files
} could not be read; they are not listed
cli-rescued-notes = { $count } rescued notes { $count ->
    [one] file
   *[other] files
} in { $dir } (notes that could not be saved into their case): { $names }
cli-none-readable = none of the { $files } case { $files ->
    [one] file
   *[other] files
} in { $dir } could be read
cli-is-a-directory = it is a directory
cli-cannot-write = cannot write { $path }: { $error }
cli-import-failed = { $file }: { $error }; nothing was imported
cli-import-case-failed = { $file }: case { $number } ({ $id }): { $error }; nothing was imported
cli-import-exists = case { $id } already exists; skipped
cli-unreadable = (unreadable)
cli-bad-config = bad config: { $error }
cli-no-config-dir = (no config dir)
cli-config-ok = { $path }: ok
cli-config-absent = { $path }: not there (the defaults apply)
cli-cannot-write-manual = cannot write the manual: { $error }
cli-demo-no-temp = cannot make a temporary demo journal: { $error }
cli-demo-broken = the demo journal is broken: { $error }
terms-fee-needs-country = --fee { $fee }: the fee is in the currency of the case's country; give --country too
terms-no-currency = --fee { $fee }: runaround knows no currency for { $country }
terms-fee-currency = --country { $country }: the fee is in { $currency }; give the fee again with --fee
terms-ref-shape = --ref '{ $reference }': write it as LABEL=VALUE
terms-ref-empty-label = --ref '{ $reference }': the label is empty
terms-a-month = { $fee } a month
terms-tags = tags { $tags }
terms-empty-title = --title: the title is empty

## The headings of --help in the languages that replace clap's own (not English)
cli-help-usage = Usage:
cli-help-commands = Commands:
cli-help-arguments = Arguments:
cli-help-options = Options:

## Rule packs: `rules`, `clocks`, `due`
rules-not-advice = Estimates from the rule packs, each with how sure its sources are; not legal advice.
pack-verified = verified
pack-secondary = secondary
pack-unverified = unverified
pack-disputed = disputed
pack-written-complaint = written-complaint
pack-complaint = complaint
pack-reply = reply
pack-deadlock = deadlock
pack-outage = outage
pack-restored = restored
pack-no-show = no-show
pack-earliest = earliest
pack-latest = latest
pack-reply-due = reply-due
pack-claim-by = claim-by
pack-automatic = automatic
pack-on-request = on-request
pack-running = running
pack-passed = passed
pack-done = done
pack-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
pack-calendar-days = { $n ->
    [one] { $n } calendar-day
   *[other] { $n } calendar-days
}
pack-working-days = { $n ->
    [one] { $n } working-day
   *[other] { $n } working-days
}
pack-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
}
pack-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
pack-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
rules-pack-not-loaded = a rule pack did not load: { $error }
rules-no-pack = no rule pack for { $country }
rules-pack-heading = { $country } · fees in { $currency } · calendar { $status } ({ $holidays } holiday rules)
rules-did-not-load = Did not load:
rules-some-not-loaded = { $count } rule pack { $count ->
    [one] file
   *[other] files
} did not load (the others are in force)
rules-only = only { $providers }
rules-for-customers = for { $customers }
rules-from-file = from { $file }
rules-on = on
rules-until = until { $date }
rules-source = source: { $title } <{ $url }> (read { $read })
rules-effect-clock = clock: { $meaning }, { $after } after the { $anchor }
rules-per-each = each
rules-per-day-or-part = per 24 hours or part, over { $hours } hours
rules-per-day-after = per day after { $after }
rules-per-complete-day = per complete day after { $days } days
rules-tiered = , tiered
rules-by-a-table = , by a table
rules-effect-compensation = compensation { $claim }, { $per } { $anchor }{ $kind }
dur-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
dur-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
dur-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
rules-the-monthly-fee = the monthly fee
rules-fraction-of = { $part } of { $fee }
rules-percent-of = { $part } of { $fee }
rules-for-by-the-table = { $amount } for { $days } by the table
rules-raised-to-minimum = , raised to the minimum of { $amount }
rules-capped-at = , capped at { $amount }
rules-out-for = : out { $duration }
rules-missed-appointment = : missed appointment of { $when }
rules-another-reading = ; another reading ({ $reading }): { $amount }
clocks-heading = { $title } · { $country } · as of { $when }
clocks-no-country = no country
clocks-missing-country = Missing: the case's country, so no rules apply (runaround set { $id } --country C)
clocks-missing-pack = Missing: there is no rule pack for { $country }
clocks-missing-fee = Missing: the monthly fee, for { $rules } (runaround set { $id } --fee AMOUNT)
clocks-missing-customer = Missing: the customer kind, for { $rules } (runaround set { $id } --customer consumer|small-business|business)
clocks-clocks = Clocks
clocks-from-event = from the { $kind } of { $when }
clocks-compensation = Compensation
clocks-range = { $low } to { $high }
clocks-at-least = at least { $amount } in all
clocks-not-applied = Not applied
clocks-the-event = the { $kind } of { $when }
clocks-before-in-force = is before the rule came into force ({ $first })
clocks-no-version = falls in no version of the rule
clocks-nothing-yet = gives nothing (yet)
clocks-questions = Questions the events cannot answer
due-bad-within = --within: '{ $value }' is not a duration of at most ten years (e.g. 7d, 12h, 2w)
due-ics-clock = { $meaning } ({ $status }, an estimate, not legal advice)
due-ics-promise = a promise made to you
due-ics-description = { $what }; case { $id }; { $state }
due-what = { $what }: { $summary }

## The config file's problems
config-cannot-read = cannot read the config file: { $error }
config-bad-theme = theme { $value } is not one of "dark", "light", "16"
config-bad-week-start = week_start { $value } is not "monday" or "sunday"
config-bad-language = language { $value } is not one of "en", "nl", "fr"
config-not-an-action = { $name } is not an action (`runaround config --default` lists them)
config-no-key = { $name }: no key given
config-bad-date-format = date_format { $value } is not a valid strftime format (see chrono's strftime)

## The journal on disk: its errors and problems
storage-read-only = case { $id } is read-only: { $reason }
storage-not-found = case { $id } does not exist
storage-exists = case { $id } already exists
storage-bad-id = '{ $id }' is not a valid case id (use 1 to 64 letters, digits, '-' and '_')
storage-encode = case { $id } could not be encoded: { $reason }
storage-locked = { $path } is being changed by { $holder }: gave up waiting for it
storage-random = no random numbers for a new case id: { $error }
storage-another-process = another process
storage-another-process-pid = another process (last taken by pid { $pid })
storage-exposed = { $path } is open to other users (mode { $mode }); `chmod 700 { $path }` makes it private
file-not-regular = the file cannot be read: it is not a regular file
file-too-big = the file is { $len } bytes, more than a case file can be ({ $max })
file-io = the file cannot be read: { $error }
file-not-utf8 = the file is not valid UTF-8 text
file-empty = the file is empty
file-parse = line { $line }, column { $column }: { $message }
file-newer-schema = written by a newer runaround (schema { $schema }, this one reads up to { $ours })
file-newer-schema-writes = written by a newer runaround (schema { $schema }, this one writes { $ours })
file-bad-event = event { $number }: { $message }
file-bad-deleted-event = deleted event { $number }: { $message }
file-id-mismatch = the file says its id is '{ $inside }', but its name says '{ $name }'
file-event-n = event { $number }
file-deleted-event-n = deleted event { $number }
file-event-field = { $event }'s { $field }
file-correction-of = a correction of { $event }
file-the-opening = the opening
file-the-active-call = the active call
file-a-time = a time
file-line = line { $line }:
file-unknown-key = unknown key '{ $key }'
file-a-comment = a comment
file-time-out-of-range = { $place } is { $time }, outside the years { $first }-{ $last }
file-lost-key = runaround would drop it on the next save, so this case is read-only until the key is removed or renamed
file-lost-comment = runaround does not keep comments and would drop it on the next save, so this case is read-only until the comment is removed
file-lost-time = runaround could not write it back, so this case is read-only until the time is corrected
file-also = also { $named }
file-also-more = also { $named }, and { $more } more
file-time-outside = { $place } ({ $time }) is outside the years { $first }-{ $last }
cli-clap-error = error:
cli-clap-tip = tip:
cli-clap-more = For more information, try '--help'.
cli-format-md = A Markdown dossier
cli-format-json = One JSON object (importable)
cli-format-csv = One CSV row per event
