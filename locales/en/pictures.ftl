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
pictures-fixed-after = fixed after { $fixes } of { $contacts } contacts
pictures-sent-elsewhere = sent you elsewhere { $times } of { $contacts } times
pictures-numbers-none = No numbers yet: log calls and redirects and they show here.
pictures-numbers-none-for = No numbers for { $organisation } yet.

## --help of map and numbers
help-map = The runaround map: the places the case was sent between, with its loops
help-map-format = text (a readable chain) or dot (Graphviz)
help-map-json = One JSON object instead
help-numbers = The directory of numbers and departments learned from all cases
help-numbers-org = Only this organisation's
help-numbers-json = A JSON array instead of text
