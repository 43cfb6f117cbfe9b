# cli: fr

## Loop flags and ordinals
loop-back = retour vers { $place }
loop-back-again = retour vers { $place }, { $times } fois
ordinal = { $suffix ->
   *[other] { $n }e
}

## What is wrong with a field, a time, a word
field-no-options = aucune option hormis --at
field-not-for-kind = { $flag } n’a pas de sens pour un événement « { $kind } » (il a : { $allowed })
field-window-backwards = le créneau finit ({ $end }) avant de commencer ({ $start })
field-outcome-for-kind = l’issue '{ $outcome }' ne convient pas à « { $kind } » (choisissez parmi : { $allowed })
time-not-a-time = '{ $value }' n’est pas une heure (utilisez 'now', 'HH:MM', '-2h', '+2j', 'hier 14h', 'AAAA-MM-JJ HH:MM[:SS]', 'AAAA-MM-JJ' ou RFC 3339)
time-in-gap = '{ $value }' n’existe pas dans le fuseau local (l’heure y avance d’un coup) ; donnez une heure plus tard ou un décalage explicite
time-not-a-duration = '{ $value }' n’est pas une durée (p. ex. 20m, 1h5m, 90s, '1h 05m')
time-out-of-range-year = '{ $value }' tombe en { $year } (UTC), hors des années { $first }-{ $last } que runaround peut garder
time-out-of-range = '{ $value }' tombe avant tout calendrier connu de runaround, hors des années { $first }-{ $last } que runaround peut garder
time-too-long = '{ $value }' dépasse { $days } jours : aucune attente ni conversation ne dure si longtemps
word-status = statut
word-event-kind = type d’événement
word-direction = sens
word-outcome = issue
word-promise-state = état de promesse
word-channel = canal
word-customer-kind = type de client
word-unknown = { $what } inconnu '{ $value }' (attendu : { $expected })
resolve-none = aucun dossier ne correspond à '{ $query }'
resolve-no-cases = {" "}(le journal n’a pas encore de dossier)
resolve-the-cases =  ; les dossiers sont :
resolve-many = '{ $query }' correspond à plusieurs dossiers :
draft-empty-title = le titre est vide
draft-empty-organisation = l’organisation est vide : nommez l’interlocuteur du dossier

## The command line's own outputs and errors
cli-warning = attention : { $text }
cli-no-data-dir = pas de dossier de données : indiquez --data-dir ou RUNAROUND_DIR
cli-status-now = { $id } est maintenant { $status }
cli-export-read-only = le dossier { $id } est en lecture seule : { $reason } ; l’export ne contient que ce que runaround lit dans le fichier, pas ce qui y est nommé
cli-cannot-write-output = impossible d’écrire la sortie : { $error }
cli-cannot-be-read = { $path } est illisible : { $problem }
cli-some-unreadable = { $unreadable } fichier(s) de dossier sur { $files } { $files ->
    [one] illisible
   *[other] illisibles
} ; ils ne sont pas listés
cli-rescued-notes = { $count } { $count ->
    [one] fichier
   *[other] fichiers
} de notes sauvées dans { $dir } (des notes qui n’ont pas pu être enregistrées dans leur dossier) : { $names }
cli-none-readable = aucun des { $files } { $files ->
    [one] fichier
   *[other] fichiers
} de dossier dans { $dir } n’est lisible
cli-is-a-directory = c’est un répertoire
cli-cannot-write = impossible d’écrire { $path } : { $error }
cli-import-failed = { $file } : { $error } ; rien n’a été importé
cli-import-case-failed = { $file } : dossier { $number } ({ $id }) : { $error } ; rien n’a été importé
cli-import-exists = le dossier { $id } existe déjà ; ignoré
cli-unreadable = (illisible)
cli-bad-config = configuration invalide : { $error }
cli-no-config-dir = (pas de répertoire de configuration)
cli-config-ok = { $path } : ok
cli-config-absent = { $path } : absent (les valeurs par défaut s’appliquent)
cli-cannot-write-manual = impossible d’écrire le manuel : { $error }
cli-demo-no-temp = impossible de créer un journal de démo temporaire : { $error }
cli-demo-broken = le journal de démo est cassé : { $error }
terms-fee-needs-country = --fee { $fee } : le montant est dans la monnaie du pays du dossier ; indiquez aussi --country
terms-no-currency = --fee { $fee } : runaround ne connaît pas de monnaie pour { $country }
terms-fee-currency = --country { $country } : le montant est en { $currency } ; redonnez-le avec --fee
terms-ref-shape = --ref '{ $reference }' : écrivez-le LABEL=VALEUR
terms-ref-empty-label = --ref '{ $reference }' : le libellé est vide
terms-a-month = { $fee } par mois
terms-tags = étiquettes { $tags }
terms-empty-title = --title : le titre est vide

## The headings of --help in the languages that replace clap's own (not English)
cli-help-usage = Utilisation :
cli-help-commands = Commandes :
cli-help-arguments = Arguments :
cli-help-options = Options :

## Rule packs: `rules`, `clocks`, `due`
rules-not-advice = Estimations tirées des règles et de leurs sources ; pas un conseil juridique.
pack-verified = vérifié
pack-secondary = secondaire
pack-unverified = non vérifié
pack-disputed = contesté
pack-written-complaint = réclamation écrite
pack-complaint = réclamation
pack-reply = réponse
pack-deadlock = impasse
pack-outage = panne
pack-restored = rétablissement
pack-no-show = rendez-vous manqué
pack-earliest = au plus tôt
pack-latest = au plus tard
pack-reply-due = réponse due
pack-claim-by = réclamer avant
pack-automatic = automatique
pack-on-request = sur demande
pack-running = en cours
pack-passed = dépassé
pack-done = terminé
pack-hours = { $n ->
    [one] { $n } heure
   *[other] { $n } heures
}
pack-calendar-days = { $n ->
    [one] { $n } jour calendaire
   *[other] { $n } jours calendaires
}
pack-working-days = { $n ->
    [one] { $n } jour ouvré
   *[other] { $n } jours ouvrés
}
pack-weeks = { $n ->
    [one] { $n } semaine
   *[other] { $n } semaines
}
pack-months = { $n } mois
pack-years = { $n ->
    [one] { $n } an
   *[other] { $n } ans
}
rules-pack-not-loaded = un jeu de règles n’a pas été chargé : { $error }
rules-no-pack = aucun jeu de règles pour { $country }
rules-pack-heading = { $country } · montants en { $currency } · calendrier { $status } ({ $holidays } règles de jours fériés)
rules-did-not-load = Non chargés :
rules-some-not-loaded = { $count } { $count ->
    [one] fichier de règles n’a pas été chargé
   *[other] fichiers de règles n’ont pas été chargés
} (les autres s’appliquent)
rules-only = seulement { $providers }
rules-for-customers = pour { $customers }
rules-from-file = de { $file }
rules-on = en vigueur
rules-until = jusqu’au { $date }
rules-source = source : { $title } <{ $url }> (lu le { $read })
rules-effect-clock = délai : { $meaning }, { $after } après « { $anchor } »
rules-per-each = par fois
rules-per-day-or-part = par 24 heures entamées, au-delà de { $hours } heures
rules-per-day-after = par jour après { $after }
rules-per-complete-day = par jour complet après { $days } jours
rules-tiered = , par paliers
rules-by-a-table = , selon un barème
rules-effect-compensation = indemnisation { $claim }, { $per }, { $anchor }{ $kind }
dur-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
dur-hours = { $n ->
    [one] { $n } heure
   *[other] { $n } heures
}
dur-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
rules-the-monthly-fee = l’abonnement mensuel
rules-fraction-of = { $part } de { $fee }
rules-percent-of = { $part } de { $fee }
rules-for-by-the-table = { $amount } pour { $days } selon le barème
rules-raised-to-minimum = , porté au minimum de { $amount }
rules-capped-at = , plafonné à { $amount }
rules-out-for =  : coupé { $duration }
rules-missed-appointment =  : rendez-vous manqué du { $when }
rules-another-reading =  ; autre lecture ({ $reading }) : { $amount }
clocks-heading = { $title } · { $country } · au { $when }
clocks-no-country = pas de pays
clocks-missing-country = Manque : le pays du dossier, donc aucune règle ne s’applique (runaround set { $id } --country C)
clocks-missing-pack = Manque : aucun jeu de règles pour { $country }
clocks-missing-fee = Manque : l’abonnement mensuel, pour { $rules } (runaround set { $id } --fee MONTANT)
clocks-missing-customer = Manque : le type de client, pour { $rules } (runaround set { $id } --customer consumer|small-business|business)
clocks-clocks = Délais
clocks-from-event = depuis « { $kind } » du { $when }
clocks-compensation = Indemnisation
clocks-range = { $low } à { $high }
clocks-at-least = au moins { $amount } au total
clocks-not-applied = Non appliqué
clocks-the-event = { $kind } du { $when }
clocks-before-in-force = est antérieur à l’entrée en vigueur de la règle ({ $first })
clocks-no-version = ne tombe dans aucune version de la règle
clocks-nothing-yet = ne donne rien (pour l’instant)
clocks-questions = Questions auxquelles les événements ne répondent pas
due-bad-within = --within : '{ $value }' n’est pas une durée d’au plus dix ans (p. ex. 7d, 12h, 2w)
due-ics-clock = { $meaning } ({ $status }, une estimation, pas un conseil juridique)
due-ics-promise = une promesse qui vous a été faite
due-ics-description = { $what } ; dossier { $id } ; { $state }
due-what = { $what } : { $summary }

## The config file's problems
config-cannot-read = impossible de lire le fichier de configuration : { $error }
config-bad-theme = theme { $value } n’est pas "dark", "light" ou "16"
config-bad-week-start = week_start { $value } n’est pas "monday" ou "sunday"
config-bad-language = language { $value } n’est pas "en", "nl" ou "fr"
config-not-an-action = { $name } n’est pas une action (`runaround config --default` les liste)
config-no-key = { $name } : aucune touche donnée
config-bad-date-format = date_format { $value } n’est pas un format strftime valide (voir le strftime de chrono)

## The journal on disk: its errors and problems
storage-read-only = le dossier { $id } est en lecture seule : { $reason }
storage-not-found = le dossier { $id } n’existe pas
storage-exists = le dossier { $id } existe déjà
storage-bad-id = '{ $id }' n’est pas un id de dossier valide (de 1 à 64 lettres, chiffres, '-' et '_')
storage-encode = le dossier { $id } n’a pas pu être encodé : { $reason }
storage-locked = { $path } est en cours de modification par { $holder } : abandon de l’attente
storage-random = pas de nombres aléatoires pour un nouvel id de dossier : { $error }
storage-another-process = un autre processus
storage-another-process-pid = un autre processus (pris en dernier par le pid { $pid })
storage-exposed = { $path } est ouvert aux autres utilisateurs (mode { $mode }) ; `chmod 700 { $path }` le rend privé
file-not-regular = le fichier est illisible : ce n’est pas un fichier ordinaire
file-too-big = le fichier fait { $len } octets, plus qu’un fichier de dossier ne peut ({ $max })
file-io = le fichier est illisible : { $error }
file-not-utf8 = le fichier n’est pas du texte UTF-8 valide
file-empty = le fichier est vide
file-parse = ligne { $line }, colonne { $column } : { $message }
file-newer-schema = écrit par un runaround plus récent (schéma { $schema }, celui-ci lit jusqu’au { $ours })
file-newer-schema-writes = écrit par un runaround plus récent (schéma { $schema }, celui-ci écrit le { $ours })
file-bad-event = événement { $number } : { $message }
file-bad-deleted-event = événement supprimé { $number } : { $message }
file-id-mismatch = le fichier dit que son id est '{ $inside }', mais son nom dit '{ $name }'
file-event-n = l’événement { $number }
file-deleted-event-n = l’événement supprimé { $number }
file-event-field = { $field } de { $event }
file-correction-of = une correction de { $event }
file-the-opening = l’ouverture
file-the-active-call = l’appel en cours
file-a-time = une heure
file-line = ligne { $line } :
file-unknown-key = clé inconnue '{ $key }'
file-a-comment = un commentaire
file-time-out-of-range = { $place } est { $time }, hors des années { $first }-{ $last }
file-lost-key = runaround la perdrait au prochain enregistrement, donc ce dossier est en lecture seule tant que la clé n’est pas retirée ou renommée
file-lost-comment = runaround ne garde pas les commentaires et le perdrait au prochain enregistrement, donc ce dossier est en lecture seule tant que le commentaire n’est pas retiré
file-lost-time = runaround ne pourrait pas la réécrire, donc ce dossier est en lecture seule tant que l’heure n’est pas corrigée
file-also = aussi { $named }
file-also-more = aussi { $named }, et { $more } de plus
file-time-outside = { $place } ({ $time }) est hors des années { $first }-{ $last }
cli-clap-error = erreur :
cli-clap-tip = astuce :
cli-clap-more = Pour en savoir plus, essayez '--help'.
cli-format-md = Un dossier en Markdown
cli-format-json = Un objet JSON (importable)
cli-format-csv = Une ligne CSV par événement
