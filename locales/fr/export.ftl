# export : le rapport show, le tableau list, le dossier Markdown et le CSV des événements.

## Les faits d’un événement
export-incoming = entrant
export-hold = attente { $duration }
export-talk = en ligne { $duration }
export-from = de { $place }
export-to = à { $place }
export-due = échéance { $when }
export-ref = réf. { $reference }
export-until = jusqu’au { $when }
export-overdue-since = non tenue : échue depuis le { $date }
export-overdue-date = %a %-d %b

## Les modifications
export-change-edited = modifié
export-change-deleted = supprimé
export-change-restored = rétabli
export-amend-when = date
export-amend-kind = type
export-amend-summary = résumé
export-amend-detail = détail
export-amend-empty = vide
export-amend-was = { $label } était { $value }
export-deleted-on = supprimé le { $when } : { $line }

## Les compteurs, comme libellés
export-counter-without-service = sans service
export-counter-days-without-service = jours sans service
export-counter-redirects = redirections
export-counter-calls = appels
export-counter-hold = en attente
export-counter-longest-hold = plus longue attente
export-counter-promises-broken = promesses non tenues
export-counter-promises-pending = promesses en cours
export-counter-no-shows = rendez-vous manqués
export-counter-days-open = jours depuis l’ouverture

## Les conditions du dossier
export-term-country = pays
export-term-customer = client
export-term-fee = mensualité

## show
export-show-head = { $organisation } · { $status } · ouvert le { $opened } · id { $id }
export-show-read-only = lecture seule : { $reason }
export-show-tags = étiquettes : { $tags }
export-show-item = { $label } : { $value }
export-show-as-of = au { $when }
export-show-call = appel en cours vers { $number } depuis { $since } : { $hold } en attente, { $talk } en ligne, { $transfers ->
    [one] { $transfers } transfert
   *[other] { $transfers } transferts
}
export-show-timeline = chronologie
export-show-no-events = (pas encore d’événement)
export-show-corrections = corrections : événements supprimés, tels qu’ils étaient

## list
export-list-empty = aucun dossier ouvert (runaround list --all montre tous les dossiers ; runaround new TITRE --org ORG en crée un)
export-list-id = ID
export-list-status = STATUT
export-list-organisation = ORGANISATION
export-list-no-service = SANS
export-list-redirects = REDIR
export-list-last-activity = DERN. ACTIVITÉ
export-list-title = TITRE
export-list-days = { $days }j

## Le dossier Markdown
export-md-when = %a %-d %b %Y %H:%M
export-md-item = **{ $label } :** { $value }
export-md-organisation = Organisation
export-md-status = Statut
export-md-opened = Ouvert le
export-md-case-id = Identifiant
export-md-read-only = Lecture seule
export-md-tags = Étiquettes
export-md-figures = En chiffres (au { $when })
export-md-timeline = Chronologie
export-md-col-when = Quand
export-md-col-what = Quoi
export-md-col-details = Détails
export-md-col-summary = Résumé
export-md-corrections = Corrections
export-md-corrections-intro = Événements supprimés de la chronologie, tels qu’ils étaient :
export-md-notes = Notes

## Colonnes du CSV, dans leur ordre (les valeurs gardent leurs mots enregistrés)
export-csv-at = date
export-csv-kind = type
export-csv-summary = résumé
export-csv-detail = détail
export-csv-number = numéro
export-csv-department = service
export-csv-agent = conseiller
export-csv-direction = sens
export-csv-hold = attente (secondes)
export-csv-talk = en ligne (secondes)
export-csv-outcome = issue
export-csv-from = de
export-csv-to = vers
export-csv-due = échéance
export-csv-state = état
export-csv-channel = canal
export-csv-ref = référence
export-csv-who = qui
export-csv-subject = objet
export-csv-window-start = créneau dès
export-csv-window-end = créneau jusqu’à
export-csv-effective-state = état actuel

## Problèmes d’argent et de conditions du dossier
money-unknown-country = pays inconnu « { $value } » (attendu : deux lettres, ISO 3166-1, p. ex. { $known })
money-unknown-currency = devise inconnue « { $value } » (attendu : EUR ou GBP)
money-not-an-amount = « { $value } » n’est pas un montant (écrivez-le comme 60, 60,00 ou 49.95)
money-negative-fee = la mensualité { $fee } est négative
money-no-currency = la mensualité n’a pas de devise
money-wrong-currency = le montant est en { $currency }, mais en { $country } on paie en { $theirs }

## Textes que runaround écrit dans le journal
journal-outage-summary = service coupé

## Problèmes dans un fichier de dossier
file-not-rfc3339 = « { $value } » n’est pas une heure RFC 3339
file-unknown-change = modification inconnue « { $value } » (utilisez edited, deleted ou restored)

## import
import-not-json = pas un document JSON : { $error }
import-case = dossier { $index } : { $reason }
import-case-with-id = dossier { $index } (id « { $id } ») : { $reason }
import-read-only = il a été exporté d’un fichier de dossier en lecture seule ({ $why }), et ce qui le mettait en lecture seule n’est pas dans ce document ; corrigez le fichier du dossier et exportez-le à nouveau, ou retirez la clé "read_only" pour importer le dossier sans cela
import-bad-id = l’identifiant doit compter de 1 à 64 lettres, chiffres, « - » et « _ »
import-empty-title = le titre est vide
import-control-title = le titre « { $title } » n’est fait que de caractères de contrôle, et il est vide sans eux
import-event = événement { $n } : { $problem }
import-deleted-event = événement supprimé { $n } : { $problem }

## Les délais et indemnités du dossier
export-md-escalation = Délais et indemnités
export-md-not-advice = Estimations tirées des jeux de règles, chacune avec la fiabilité de ses sources ; ce n’est pas un conseil juridique.
export-md-missing-country = Le dossier n’a pas de pays, aucune règle ne s’applique donc (runaround set DOSSIER --country C).
export-md-missing-pack = Il n’y a pas de jeu de règles pour { $country }.
export-md-missing-fee = La mensualité manque, pour { $rules } (runaround set DOSSIER --fee MONTANT).
export-md-missing-customer = Le type de client manque, pour { $rules } (runaround set DOSSIER --customer TYPE).
export-md-col-clock = Délai
export-md-col-meaning = Signifie
export-md-col-from = Depuis
export-md-col-due = Échéance
export-md-col-state = État
export-md-col-source = Source
export-md-col-compensation = Indemnité
export-md-col-estimate = Estimation
export-md-col-claim = Versée
export-md-range = de { $low } à { $high }
export-md-total = **Au moins { $total } au total** (une estimation).
export-md-sourced = { $status } : { $source }
