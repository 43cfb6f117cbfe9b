## Attachments: files kept as evidence of a case.

attach-missing = { $path }: no such file
attach-not-regular = { $path } is not a regular file (a directory, a FIFO or a device): only a file can be attached
attach-too-big = { $path } is { $size } bytes, over the limit of { $limit } bytes for an attachment
attach-cannot-read = { $path } cannot be read: { $error }
attach-no-event = { $case } has no event { $event } (give its number in `show`, or its id)
attach-no-such = { $case } has no attachment { $id }
attach-removed = Removed attachment { $id } from { $case } (the case keeps that it was there).
attach-none = { $case } has no attachments.
attach-list-line = { $id }  { $size } bytes  { $sha }  { $title }
attach-list-removed = {"  "}(removed { $when })
attach-import-missing = case { $case }: the file of attachment { $id } ({ $name }) is not in this journal; copy it to attachments/{ $sha } in the data directory
attach-import-bad-hash = attachment { $id } has no valid sha256
attach-file-missing = the file of attachment { $id } ({ $name }, sha256 { $sha }) is missing or damaged in the journal
attach-dir-needs-output = export --format dir needs the directory to write: -o OUTDIR
attach-dir-not-empty = { $path } is not empty: export --format dir writes into a new or empty directory
attach-format-dir = A directory: the dossier, its attachments and a checksum list

attach-keyhelp = the case's attachments (Enter opens one)
attach-tui-title = Attachments
attach-tui-none = No files attached. From the shell: runaround attach CASE FILE
attach-tui-facts = { $size } B · { $sha }
attach-tui-hint = { $key } opens with the system's opener · any other key closes
attach-tui-missing = the file of { $name } is not in the journal
attach-tui-opener-exited = { $opener } ended with { $status }
attach-tui-opener-cannot-run = { $opener } cannot be run: { $error }
attach-status-opened = Opened { $name }.
attach-status-not-opened = Not opened: { $error }

help-attach = Attach a file to a case as evidence and print its id; without FILE, list them
help-attach-file = The file to attach (copied into the journal)
help-attach-event = The event it belongs to: its number in `show`, or its id
help-attach-label = What it is, in a few words
help-attach-remove = Remove attachment ID (the case keeps that it was removed, and when)
attach-dir-no-redact = --redact cannot mask the attached files of a bundle: export --format md or html with --redact, or --format dir without it
