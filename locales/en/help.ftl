# help: en
# The --help texts, by command and option: help-COMMAND is a command's about, help-COMMAND-ARG
# an option's help (the root command is runaround; its options are global).
help-runaround = A terminal case journal for people getting the runaround from customer service
help-runaround-data_dir = Where the journal lives [default: the platform data dir, e.g. ~/.local/share/runaround]
help-runaround-now = Evaluate counters and default times as of WHEN instead of the clock
help-runaround-config = Read settings from FILE [default: config.ron in the platform config dir]
help-runaround-lang = Speak LANG: en, nl or fr [default: the config's language, else the locale's]
help-demo = Open the TUI on a fresh temporary copy of the demo journal (yours is not touched)
help-new = Create a case and print its id
help-new-title = The case's title (several words are joined)
help-new-org = The organisation giving you the runaround (may be left out when the config file names a default organisation)
help-new-opened = When the case began [default: now]
help-new-outage = Also log that the service went out at WHEN
help-new-tags = A tag (repeatable)
help-new-country = The country whose rules apply: ISO 3166-1 alpha-2 (NL, GB, DE, FR, BE)
help-new-customer = consumer, small-business or business
help-new-fee = The monthly fee in the country's currency: 60, 60.00, 49,95
help-new-refs = A reference such as 'customer number=123' (repeatable; on set, 'LABEL=' removes it)
help-log = Add one event to a case's timeline and print it
help-log-at = When it happened [default: now]
help-log-number = Number dialled (call)
help-log-department = Department (call)
help-log-agent = Agent's name (call, redirect, promise)
help-log-direction = out or in (call)
help-log-hold = Time on hold (call)
help-log-talk = Time talking (call)
help-log-outcome = answered, dropped, no-answer, transferred (call); fixed, failed, no-show (visit); deadlock (complaint)
help-log-to = Where you were sent (redirect), who received a complaint (complaint)
help-log-from = Where you were sent from (redirect), sender (message)
help-log-due = When a promise falls due (promise)
help-log-state = pending, kept, broken (promise) [default: pending]
help-log-channel = sms, email, letter, chat, app, web, phone (message, complaint); a complaint by letter, email or web is a written one
help-log-subject = Subject (message)
help-log-reference = Reference (complaint)
help-log-who = Who came: technician, shop… (visit)
help-log-window_start = Appointment window start (visit)
help-log-window_end = Appointment window end (visit)
help-log-detail = Longer free text
help-log-summary = What happened, in a line (several words are joined)
help-list = List open cases, most recently active first
help-list-all = All cases, not only open ones
help-list-json = A JSON array instead of a table
help-show = Show a case, its counters and its timeline
help-show-json = One JSON object instead of text
help-status = Change a case's status
help-set = Change a case's fields and print its one-line summary
help-set-title = A new title
help-set-org = A new organisation
help-set-country = The country whose rules apply: ISO 3166-1 alpha-2 (NL, GB, DE, FR, BE)
help-set-customer = consumer, small-business or business
help-set-fee = The monthly fee in the country's currency: 60, 60.00, 49,95
help-set-refs = A reference such as 'customer number=123' (repeatable; on set, 'LABEL=' removes it)
help-set-tags = Add a tag (repeatable)
help-set-untags = Remove a tag (repeatable)
help-clocks = The case's escalation clocks and compensation estimates
help-clocks-json = One JSON object instead of text
help-due = Across open cases: promises and clocks due soon or passed and not acted on, soonest first (for cron and notifications; exits 0)
help-due-within = How far ahead to look [default: 7d]
help-due-json = A JSON array instead of one line each
help-due-ics = An iCalendar file (one event per promise and clock) for a calendar app; without --within it holds everything ahead
help-rules = The rule packs in force: their rules, versions, status and sources
help-rules-country = Only this country's pack (e.g. NL, GB, DE, FR, BE)
help-export = Write a case as a Markdown dossier, JSON, or a CSV of its events
help-export-output = Write to FILE instead of standard output
help-import = Add the cases of a JSON document (as `export --format json` writes; `-` reads stdin)
help-config = Check the config file, print where it is, or print a commented default one
help-config-default = Print the commented default config
help-config-path = Print the path of the config file in use
help-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell)
help-man = Print the manual page (roff)

# clap's own flags and help command (not replaced in English, where clap's words stand)
help-flag-help = Print help
help-flag-version = Print version
help-help = Print this message or the help of the given subcommand(s)

help-runaround-examples =
    Examples:
      runaround demo                                   try it on the built-in demo journal
      runaround new 'No internet after moving' --org KPN --outage '2013-08-16 17:30'
      runaround log internet call --number 0800-0402 --hold 25m --outcome transferred 'Forwarded again'
      runaround log internet redirect --from 0800-0402 --to 'internal organisation'
      runaround log internet promise --due '2013-08-20 16:00' 'Fixed within 24 to 48 hours'
      runaround show internet
      runaround export internet --format md -o dossier.md

    WHEN: RFC 3339, 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DD', 'HH:MM' (today), '-2h' (ago) or 'now';
          years 1000-9999. In --due, --window-start and --window-end, 'HH:MM' is on the event's
          day (--window-end: the window start's), and a --due of 'YYYY-MM-DD' is the end of that day.
    DUR:  20m, 1h5m, 90s, '1h 05m', 12:30; a --hold or --talk of at most 31 days.
    CASE: a case id, a unique id prefix, or a piece of the title only one case has.

    Config (RON, optional; `runaround config --path` says where, --config FILE or RUNAROUND_CONFIG
    another):
      runaround config --default                       the commented defaults, to start a file from
      runaround config                                 check the config file (file:line: problem)
      runaround --config light.ron                     settings for this run only
      e.g. (theme: "light", keys: {"{"} "log_event": "L" {"}"}, default_organisation: "KPN", mouse: false)

    Shell completions and the manual:
      runaround completions bash > ~/.local/share/bash-completion/completions/runaround
      runaround man > ~/.local/share/man/man1/runaround.1

    Debug log, to attach to a bug report (what runaround did, never a case's text):
      RUNAROUND_LOG=debug runaround                    writes runaround.log in the state dir,
                                                       e.g. ~/.local/state/runaround/runaround.log
      RUNAROUND_LOG=info or warn write less; unset or off, nothing is written.
help-sync = Commit the journal and merge it with its other copies through git, then push
help-sync-init = First make the data directory a git repository that syncs with REMOTE (a URL or a path), or point it there
help-merge-driver = The merge driver git runs for case files (registered by `sync --init`)
