# The language itself, and how it was chosen.
lang-name = English
lang-unknown = { $from } is '{ $value }', a language runaround does not speak (it speaks en, nl and fr)
lang-locale-fallback = { $var } is '{ $value }', a language runaround does not speak yet: speaking English (choose with --lang en|nl|fr)
count-redirects = { $count ->
    [one] { $count } redirect
   *[other] { $count } redirects
}
