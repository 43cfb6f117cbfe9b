# De taal zelf, en hoe die gekozen werd.
lang-name = Nederlands
lang-unknown = { $from } is '{ $value }', een taal die runaround niet spreekt (wel: en, nl en fr)
lang-locale-fallback = { $var } is '{ $value }', een taal die runaround nog niet spreekt: het wordt Engels (kies met --lang en|nl|fr)
count-redirects = { $count ->
    [one] { $count } doorverwijzing
   *[other] { $count } doorverwijzingen
}
