# tui: fr

# The keys: the help overlay's descriptions, the hint line's words, the stopwatch's.
keyhelp-call-a-person-answered-talking = appel : quelqu’un répond (en ligne)
keyhint-answered = répondu
keyhelp-call-on-hold-again = appel : de nouveau en attente
keyhint-hold = attente
keyhelp-call-transferred-asks-where-to = appel : transféré (demande vers où, note une redirection)
keyhint-transfer = transfert
keyhelp-call-end-it-opens-the = appel : le terminer (ouvre le formulaire, durées remplies)
keyhint-end = fin
keyhelp-quit-notes-are-saved-first = quitter (les notes sont d’abord enregistrées)
keyhint-quit = quitter
keyhelp-this-help = cette aide
keyhint-help = aide
keyhelp-the-cases-clocks-and-compensation = les délais et indemnités du dossier, avec leurs sources
keyhelp-next-pane-cases-timeline-notes = volet suivant : Dossiers → Chronologie → Notes
keyhelp-previous-pane = volet précédent
keyhelp-search-titles-organisations-references-notes = chercher dans titres, organismes, références, notes et événements
keyhint-search = chercher
keyhelp-filter-cases-open-all-resolved = filtrer : ouverts → tous → résolus → clos
keyhelp-new-case = nouveau dossier
keyhint-new = nouveau
keyhelp-log-an-event-kind-picker = noter un événement (choix du type ; l’heure peut être antidatée)
keyhint-log = noter
keyhelp-start-a-call-the-stopwatch = lancer un appel : le chrono tourne en attente
keyhint-call = appel
keyhelp-change-the-cases-status = changer le statut du dossier
keyhelp-undo-the-last-edit-or = annuler la dernière modification ou suppression d’un événement
keyhelp-edit-the-cases-notes-in = modifier les notes du dossier dans $VISUAL / $EDITOR
keyhelp-suspend-to-the-shell-notes = suspendre vers le shell (notes d’abord enregistrées ; fg pour revenir)
keyhelp-down = descendre
keyhelp-up = monter
keyhelp-page-down = page suivante
keyhelp-page-up = page précédente
keyhelp-first = premier
keyhelp-last = dernier
keyhelp-open-the-cases-timeline = ouvrir la chronologie du dossier
keyhelp-edit-the-selected-event = modifier l’événement choisi
keyhint-edit = modifier
keyhelp-delete-the-selected-event-asks = supprimer l’événement choisi (demande d’abord ; u annule)
keyhint-delete = suppr.
keyhelp-edit-notes-esc-leaves-saved = modifier les notes (Esc sort ; enregistrées d’office)
keyhelp-edit-notes = modifier les notes
keyhelp-editing-an-event-change-its = modifier un événement : changer son type (demande avant de perdre des champs ; u annule)
keyhelp-quit-at-once-notes-are = quitter tout de suite (les notes sont d’abord enregistrées)
keyhelp-leaves = sort
keyhint-done = fini
keyhelp-undo = annuler
keyhint-undo = annuler
keyhelp-redo = rétablir
keyhint-redo = rétablir
keyhelp-save = enregistrer
keyhelp-keep = garder
keyhint-keep = garder
keyhelp-clear = effacer
keyhint-clear = effacer
keyhelp-next-input = champ suivant
keyhint-move = aller
keyhelp-previous-input = champ précédent
keyhint-save = enregistrer
keyhelp-cancel = annuler
keyhint-cancel = annuler
keyhelp-yes = oui
keyhelp-scroll-down = défiler vers le bas
keyhelp-scroll-up = défiler vers le haut
keyhelp-scroll-a-page-down = une page plus bas
keyhelp-scroll-a-page-up = une page plus haut
keyhelp-to-the-top = au début
keyhelp-to-the-end = à la fin
stopwatch-answered = répondu
stopwatch-on-hold = attente
stopwatch-transferred = transfert
stopwatch-end = fin

# Forms: the inputs' labels, the titles, the placeholders.
input-kind = type
input-when = quand
input-summary = résumé
input-detail = détails
input-title = titre
input-organisation = organisme
input-opened = ouvert le
input-outage-since = panne depuis
input-tags = étiquettes
input-status = statut
form-new-case = Nouveau dossier
form-log-event = Noter un événement
form-edit-event = Modifier l’événement
form-end-call = Terminer l’appel
form-transfer = Transféré : vers où ?
form-call-number = Appel en cours… (le chrono tourne)
form-status = Statut (←/→ pour choisir)
placeholder-transfer-to = numéro, service ou lieu
placeholder-number-dialled = numéro composé
placeholder-if-you-know = si vous le savez
placeholder-agent = nom, dès que quelqu’un répond
placeholder-duration = p. ex. 20m, 1h 5m
placeholder-time = p. ex. 2026-03-30 17:00, 14:00, -2h
placeholder-when = now, 14h05, -10m, hier 14h
placeholder-due = +48h ou +2d après quand, ou 2026-04-03 17:00
placeholder-summary = ce qui s’est passé, en une ligne
placeholder-detail = plus, si besoin
placeholder-title = p. ex. Téléphone en panne depuis le déménagement
placeholder-organisation = qui vous fait tourner en rond
placeholder-opened = maintenant, ou le début de la panne si c’est plus tôt
placeholder-outage-since = depuis quand la panne dure, s’il y en a une
placeholder-tags = séparées par des virgules

# Questions, errors and what the status line says after a change.
list-and = { $rest } et { $last }
question-change-kind = changer { $old } en { $new } ? { $fields } seront supprimés (l’historique de l’événement les garde)
status-nothing-changed = rien n’a changé
status-event-changed = événement modifié ({ $key } annule ; son historique garde l’ancienne version)
error-field = { $field } : { $error }
error-event-gone = l’événement a été modifié ou supprimé ailleurs
error-deleted-event-gone = l’événement supprimé a été rétabli ou modifié ailleurs
error-call-running = un appel est déjà en cours dans ce dossier
error-no-call = aucun appel en cours

# The Cases pane's filter, and why a case cannot be changed.
filter-open = ouverts
filter-all = tous
filter-resolved = résolus
filter-closed = clos
error-no-case = aucun dossier choisi ({ $key } en crée un)
error-case-unreadable = ce dossier est illisible : { $problem }
error-case-read-only = ce dossier est en lecture seule : { $reason }
error-case-being-read = ce dossier est encore en cours de lecture
notes-placeholder = pas encore de notes : { $key } pour écrire (noms, promesses, références…)

# The screen: too small, the welcome screen, the hint line.
screen-too-small = terminal trop petit
screen-needs = { $size }, il faut { $needs }
welcome-title = Bienvenue dans runaround
welcome-text = Un dossier par problème avec une entreprise, la chronologie de chaque appel, redirection et promesse, et des compteurs qui montrent comment on vous fait tourner en rond.
welcome-new-case = créer votre premier dossier
welcome-demo = essai sur un journal de démo (le vôtre reste intact)
welcome-help = toutes les touches
welcome-quit = quitter
welcome-frame = Pas encore de dossier
hint-editing-notes = notes : { $keys } · enregistrées d’office
hint-searching = recherche : tapez pour affiner · { $keys }

# The panes' titles.
pane-cases = Dossiers
pane-timeline = Chronologie
pane-notes = Notes
pane-searching = recherche…
pane-cases-title = Dossiers ({ $filter } : { $count })
pane-cases-title-short = { $filter } : { $count }
pane-timeline-title = Chronologie ({ $count })
pane-notes-editing = modification
pane-notes-unsaved = non enregistrées

# The Cases pane's rows.
cases-unreadable = ⚠ { $id } (illisible)
cases-no-service = { $days }j sans service
cases-read-only = lecture seule

# The header: the case's counters and the stopwatch.
header-all-clocks = { $clock } · { $key } tous les délais
header-no-case = · aucun dossier choisi · { $new } en crée un · { $help } aide
header-demo = [journal de démo : une copie temporaire]
counter-without-service = sans service
counter-redirects = redirections
counter-calls = appels
counter-on-hold = en attente
counter-promises-broken = promesses rompues
counter-pending = en cours
counter-no-shows = absences
counter-open = ouvert
counter-days = { $days }j
counter-owed = dû
stopwatch-phase-hold = ATTENTE
stopwatch-phase-talk = EN LIGNE
stopwatch-call = appel
stopwatch-call-to = vers le { $number }
stopwatch-in-all = { $total } en tout
stopwatch-totals = attente { $hold } · en ligne { $talk } · { $count ->
        [one] { $count } transfert
       *[other] { $count } transferts
    }
# The Timeline pane.
timeline-unreadable = cases/{ $id }.ron est illisible :
timeline-unreadable-help = runaround ne l’écrase jamais. Réparez le fichier à la main (c’est du RON ordinaire) ou déplacez-le ; le changement s’affiche ici en une seconde.
timeline-empty = rien de noté : { $log } note un événement, { $call } lance un appel
timeline-amended = corrigé

# The help overlay and the questions.
keys-help-anywhere = partout
keys-help-cases = dossiers
keys-help-timeline = chronologie
keys-help-notes = notes
keys-help-during-a-call = pendant un appel
keys-help-in-a-form = dans un formulaire
keys-help-editing-notes = notes en cours : { $keys } · coller fonctionne
keys-help-any-key = toute touche ferme cette aide
keys-help-title = touches
scroll-more = { $count } de plus : { $down }/{ $up } défile
scroll-back = { $up } remonte
confirm-kind-yes = changer et enregistrer · toute autre touche revient au formulaire
confirm-kind-title = Changer le type de l’événement ?
confirm-delete-yes = supprimer ({ $key } annule) · toute autre touche le garde
confirm-delete-title = Supprimer cet événement ?
confirm-quit-text = Les notes tapées ici n’ont pas pu être enregistrées dans le dossier.
confirm-quit-yes = quitter quand même · toute autre touche reste (on réessaie d’enregistrer)
confirm-quit-title = Notes non enregistrées : quitter quand même ?

# A form's keys, and a config file's keys that cannot be bound.
form-keys = { $moves } aller · ←→ choisir · { $save } enregistrer · { $cancel } annuler
keymap-reserved = { $action } est sur une touche réservée (Esc sort, Ctrl-C quitte)
keymap-into-notes = les notes
keymap-into-search = la recherche
keymap-into-form = les champs du formulaire
keymap-typed-into = { $key } serait tapé dans { $into } : une touche y demande Ctrl (C-x) ou est une touche de fonction (F1-F12)
keymap-taken = { $key } est déjà la touche de { $action }

# The clocks: the header's nearest clock and money, and the clocks view.
owed-at-least = ≥ { $money } (estimation)
owed-up-to = jusqu’à { $money } (estimation)
clock-after-complaint = réclamation écrite aujourd’hui → { $clock }
clock-named-from = { $name } dès le { $date }
clock-escalate-from = recours possible dès le { $date }
clock-named-open-since = { $name } ouvert depuis le { $date }
clock-escalate-since = recours possible depuis le { $date }
clock-named-last-day = { $name } au plus tard le { $date }
clock-last-day = dernier jour pour saisir : { $date }
clock-last-day-was = le dernier jour pour saisir était le { $date }
clock-named-by = { $name } d’ici le { $date }
clock-reply-due = réponse due le { $date }
clock-named-overdue = { $name } en retard depuis le { $date }
clock-reply-overdue = réponse en retard depuis le { $date }
clock-named-claim-by = { $name } réclamer d’ici le { $date }
clock-claim-by = réclamer d’ici le { $date }
clock-claim-closed = délai pour réclamer clos le { $date }
clocks-none-yet = Aucun délai ne court encore. Une réclamation par lettre, e-mail ou formulaire web les lance :
clocks-no-case = Aucun dossier n’est choisi.
clocks-close = { $key } ou toute autre touche ferme ceci
clocks-title = délais et indemnités

# The status line.
form-edit-event-key = Modifier l’événement ({ $key } change son type)
form-edit-event-kind = Modifier l’événement : ←/→ change son type (demande avant de perdre des champs)
error-no-event-log = aucun événement choisi ({ $key } en note un)
error-no-event = aucun événement choisi
status-delete-undone = suppression annulée{ $elsewhere } (l’historique de l’événement le dit)
status-edit-undone = modification annulée{ $elsewhere } (l’historique de l’événement le dit)
error-nothing-to-undo = rien à annuler
status-in-case-id = dans le dossier { $id }
status-in-case = dans le dossier « { $title } »
error-call-already = un appel est déjà en cours ({ $key } le termine)
status-clock-went-back = l’horloge du système a reculé de { $span } ; les durées comptent depuis le début enregistré, selon l’horloge
status-event-deleted = événement supprimé ({ $key } annule ; le dossier garde ce qu’il disait)
status-still-here = toujours là, notes pas encore enregistrées : { $kept }
status-notes-saved-now = notes enregistrées (un enregistrement précédent avait échoué) ; { $key } quitte
status-notes-saved-late = notes enregistrées (un enregistrement précédent avait échoué)
status-notes-merged = notes fusionnées avec une modification enregistrée ailleurs
status-created = dossier { $id } créé
status-not-saved = non enregistré : { $error }
status-kept-nowhere = elles ne sont encore dans aucun fichier
status-notes-not-changed = notes non modifiées : { $error }
status-notes-unchanged = notes inchangées
status-notes-from-editor = notes enregistrées depuis l’éditeur

# Generated event text, start-up notices, rescued notes.
event-transferred = transféré pendant l’appel
tui-needs-terminal = le journal a besoin d’un terminal ; utilisez `runaround list` ou `show` dans les scripts
tui-rescued-one = des notes sauvées plus tôt attendent dans { $path }
tui-rescued-many = { $count } fichiers de notes sauvées attendent dans { $dir } ({ $first }, …)
tui-pack-failed = un paquet de règles n’a pas pu être chargé (les autres s’appliquent) : { $error }
rescue-kept = les notes sont gardées dans { $path }
rescue-failed = les notes n’ont pas pu être sauvées non plus ({ $error })
rescue-on-exit = runaround : les notes du dossier { $id } n’ont pas pu être enregistrées ({ $error }) ; { $kept }
editing-unreadable = les notes écrites dans l’éditeur pour le dossier { $id } sont illisibles ({ $error }) ; elles restent dans { $path }
editing-merged-conflict = les notes écrites dans l’éditeur à la dernière fermeture de runaround ont été fusionnées dans le dossier { $id } ; là où elles croisent un changement plus récent, les deux sont gardés entre des lignes <<<<<<< et >>>>>>>
editing-merged = les notes écrites dans l’éditeur à la dernière fermeture de runaround ont été fusionnées dans le dossier { $id }
editing-not-merged = les notes écrites dans l’éditeur pour le dossier { $id } n’ont pas pu être fusionnées ({ $error }) ; elles restent dans { $path }
status-will-retry = nouvel essai bientôt : le dossier { $id } est utilisé par { $by }

# The header's demo mark when the long one does not fit.
header-demo-short = [démo]

# The user's editor, and what the terminal could not do.
editor-cannot-run = impossible de lancer { $editor } : { $error }
editor-exited = { $editor } s’est arrêté avec { $status }
editing-cannot-make-temp = impossible de créer un fichier temporaire dans { $dir } : { $error }
editing-cannot-keep-temp = impossible de garder un fichier temporaire : { $error }
editing-cannot-lock = impossible de verrouiller { $path } : { $error }
editing-cannot-write = impossible d’écrire { $path } : { $error }
editing-cannot-make = impossible de créer { $path } : { $error }
editing-cannot-read-back = impossible de le relire : { $error }
tui-cannot-draw = impossible de dessiner : { $error }
tui-cannot-watch-signals = impossible de surveiller les signaux : { $error }

# Keys a config file names.
key-unknown = { $key } n’est pas une touche (un caractère, ou Tab, S-Tab, Enter, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space, Backspace, Delete, F1-F12, C-x)
key-reserved = { $key } est réservée (Esc sort, Ctrl-C quitte)

# What the filter shows.
status-showing-open = affiche les dossiers ouverts
status-showing-all = affiche tous les dossiers
status-showing-resolved = affiche les dossiers résolus
status-showing-closed = affiche les dossiers clos

## Loops: a transfer back to a place seen before
loop-flag = retour à { $place }
loop-flag-again = retour à { $place }, { $nth } fois
loop-news-again = retour à { $place } — { $nth } fois

## One call at a time
confirm-call-title = Un appel est en cours
confirm-call-text = L'appel de « { $title } » est toujours en cours : son chrono continue. Commencer quand même un second appel ici ?
confirm-call-yes = commencer aussi cet appel · toute autre touche non
status-call-not-started = Aucun appel commencé
farewell-call-running = Un appel est toujours en cours : son chrono continue, et { $key } le termine à votre retour.

## What s did
status-status-set = Statut : { $status }
status-status-set-hidden = { $status } — { $key } pour revoir ce dossier
cases-none-shown = Aucun dossier ici ({ $filter }). { $key } montre les autres.
cases-none-match = Rien ne correspond. { $key } efface la recherche.

## A promise's own term
form-due-proposed = ↑ d’après « { $term } » : Enter la garde

## The case itself
keyhelp-edit-the-case-itself = modifier le dossier : titre, tags, pays, montant, références
form-edit-case = Modifier le dossier
input-country = pays
input-customer = client
input-fee = par mois
input-refs = références
placeholder-country = deux lettres : NL, BE, FR, GB…
placeholder-fee = dans la monnaie du pays, p. ex. 49,95
placeholder-refs = libellé=valeur ; p. ex. client=12345 ; ticket=KPN-77
error-fee-needs-country = le montant est dans la monnaie du pays du dossier : indiquez aussi le pays
error-no-currency = runaround ne connaît pas de monnaie pour { $country }
error-ref-shape = « { $item } » : écrivez-le libellé=valeur
status-case-changed = Dossier modifié

## Search points at what it found
status-found-event = trouvé dans la chronologie : { $what }
status-found-notes = trouvé dans les notes, ligne { $line }
