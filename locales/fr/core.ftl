# La langue elle-même, et comment elle a été choisie.
lang-name = français
lang-unknown = { $from } vaut « { $value } », une langue que runaround ne parle pas (il parle en, nl et fr)
lang-locale-fallback = { $var } vaut « { $value } », une langue que runaround ne parle pas encore : il parlera anglais (choisir avec --lang en|nl|fr)
count-redirects = { $count ->
    [one] { $count } redirection
   *[other] { $count } redirections
}
