dossier-format-html = A self-contained HTML dossier, to print
dossier-annex = Annex { $n }
dossier-zone-country = Times are the wall clock of { $country }, with its zone ({ $zones }).
dossier-zone-local = Times are this computer's wall clock, with its offset from UTC.
dossier-summary = Summary
dossier-summary-case = A complaint against { $org }, open since { $since } (now { $status }).
dossier-summary-figures = { $calls ->
    [one] 1 call
   *[other] { $calls } calls
}, { $redirects ->
    [one] 1 redirect
   *[other] { $redirects } redirects
}, { $broken ->
    [one] 1 broken promise
   *[other] { $broken } broken promises
}, { $days ->
    [one] 1 day
   *[other] { $days } days
} without service.
dossier-remedy = Asked for: the service working again, and compensation for the time without it.
dossier-remedy-money = Asked for: the service working again, and at least { $total } in compensation (estimated below).
dossier-written = Written complaints and replies
dossier-written-none = No written complaint or reply is logged yet.
dossier-promises = Promises made, kept and broken
dossier-promises-count = { $made ->
    [one] 1 promise made
   *[other] { $made } promises made
}: { $kept } kept, { $broken } broken.
dossier-col-made = Made
dossier-col-who = Who
dossier-col-promise = Promise
dossier-col-due = Due
dossier-col-state = State
dossier-broken = Broken promises
dossier-someone = Someone unnamed
dossier-broken-line = { $who } promised on { $made }{ $what }, due { $due }: not kept.
dossier-broken-line-undated = { $who } promised on { $made }{ $what }: not kept.
dossier-checks = Eligibility
dossier-checks-intro = What a dispute body checks before it takes a case; a warning, not a block.
dossier-check-complaint = A written complaint was made on { $when }.
dossier-check-no-complaint = No written complaint is logged: dispute bodies ask for one first.
dossier-check-answered = The company answered ({ $rule }): if the answer does not settle it, the dispute body may be asked.
dossier-check-waited = Waited long enough: { $rule } ran out on { $due }.
dossier-check-wait = Not yet: { $rule } runs until { $due }; the dispute body can be asked after that.
dossier-check-in-window = Within the filing window: { $rule } runs until { $due }.
dossier-check-window-closed = The filing window may have closed: { $rule } ran until { $due }.
dossier-evidence = Evidence
dossier-evidence-what = { $what }: { $said }
dossier-evidence-none = No evidence is logged yet.
dossier-col-annex = Annex
dossier-col-evidence = Evidence
dossier-digest = Digest
dossier-digest-how = To check a copy, this command gives the same digest for the case as it was exported:
dossier-evidence-file = { $title } (file { $file })
