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
time-not-a-time = '{ $value }' is not a time (use RFC 3339, 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DD', 'HH:MM', '-2h' or 'now')
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
