# pictures: the runaround map, the directory of numbers, and the charts.

## Kinds of place
pictures-kind-number = number
pictures-kind-shop = shop
pictures-kind-website = website
pictures-kind-department = department

## The map
pictures-map-title = Runaround map: { $title } ({ $organisation })
pictures-map-empty = No calls or redirects yet: nothing to map.
pictures-places = Places
pictures-redirects = Redirects
pictures-loop = loop
pictures-times-here = ({ $times }× here)
pictures-places-count = { $count ->
    [one] 1 place
   *[other] { $count } places
}
pictures-redirects-count = { $count ->
    [one] 1 redirect
   *[other] { $count } redirects
}
pictures-loops-count = { $count ->
    [one] 1 loop
   *[other] { $count } loops
}
pictures-calls = { $count ->
    [one] 1 call
   *[other] { $count } calls
}
pictures-median-hold = median hold { $duration }
pictures-longest = longest { $duration }
pictures-sent-on = sent you on { $count }×
pictures-sent-back = sent back here { $count }×
pictures-helped-here = this helped
pictures-helped = What helped: { $place }
pictures-helped-none = Nothing has helped yet.

## The directory
pictures-sent-to = sent you to { $places }
pictures-sent-from = sent here by { $places }
pictures-fixed-after = fixed after { $fixes } of { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacts
}
pictures-sent-elsewhere = sent you elsewhere { $times } of { $contacts ->
    [one] 1 time
   *[other] { $contacts } times
}
pictures-numbers-none = No numbers yet: log calls and redirects and they show here.
pictures-numbers-none-for = No numbers for { $organisation } yet.

## --help of map and numbers
help-map = The runaround map: the places the case was sent between, with its loops
help-map-format = text (a readable chain), dot (Graphviz) or svg (a picture)
help-map-json = One JSON object instead
help-numbers = The directory of numbers and departments learned from all cases
help-numbers-org = Only this organisation's
help-numbers-json = A JSON array instead of text

## The pictures in the TUI
pictures-keyhelp-map = runaround map of the case: places, redirects, loops
pictures-keyhelp-numbers = directory of numbers, learned from every case
pictures-keyhelp-charts = charts: hold per call, time without service per day
pictures-title-map = Runaround map
pictures-title-numbers = Numbers
pictures-title-charts = Charts
pictures-hint = { $pick } pick · { $next } next picture · any other key closes
pictures-no-case = No case selected.
pictures-call-hold = hold { $duration }
pictures-numbers-learning = Reading every case…
pictures-numbers-heading = { $organisation }: { $count ->
    [one] 1 number or department
   *[other] { $count } numbers and departments
}, from every case
pictures-col-place = place
pictures-col-kind = kind
pictures-col-calls = calls
pictures-col-median = median
pictures-col-longest = longest
pictures-col-sent-on = sent on
pictures-chart-holds = Hold per call (minutes): { $count ->
    [one] 1 call
   *[other] { $count } calls
}, { $total } on hold
pictures-chart-no-calls = No calls yet.
pictures-chart-days = Without service per day (hours): { $total } in all
pictures-chart-no-outage = Without service per day: no outage logged.
pictures-suggested = known numbers · { $key } takes the first
pictures-keyhelp-take-number = form: take the first known number
pictures-chart-days-last = Without service per day (hours), the last { $days } days: { $total } in all
