# help: fr
help-runaround = Un journal de dossiers dans le terminal, pour quand le service clients vous fait tourner en rond
help-runaround-data_dir = Où se trouve le journal [par défaut : le dossier de données de la plateforme, p. ex. ~/.local/share/runaround]
help-runaround-now = Calculer compteurs et heures par défaut à WHEN plutôt que maintenant
help-runaround-config = Lire les réglages dans FILE [par défaut : config.ron dans le dossier de configuration]
help-runaround-lang = Parler LANG : en, nl ou fr [par défaut : la langue de la config, sinon celle de la locale]
help-demo = Ouvrir la TUI sur une copie temporaire neuve du journal de démo (le vôtre n’est pas touché)
help-new = Créer un dossier et afficher son id
help-new-title = Le titre du dossier (plusieurs mots sont réunis)
help-new-org = L’organisation qui vous fait tourner en rond (facultatif si la config nomme une organisation par défaut)
help-new-opened = Quand le dossier a commencé [par défaut : maintenant]
help-new-outage = Noter aussi la panne du service à WHEN
help-new-tags = Une étiquette (répétable)
help-new-country = Le pays dont les règles s’appliquent : ISO 3166-1 alpha-2 (NL, GB, DE, FR, BE)
help-new-customer = consumer, small-business ou business
help-new-fee = L’abonnement mensuel dans la monnaie du pays : 60, 60.00, 49,95
help-new-refs = Une référence comme 'numéro client=123' (répétable ; avec set, 'LABEL=' la retire)
help-log = Ajouter un événement à la chronologie d’un dossier et l’afficher
help-log-at = Quand c’est arrivé [par défaut : maintenant]
help-log-number = Numéro composé (call)
help-log-department = Service (call)
help-log-agent = Nom du conseiller (call, redirect, promise)
help-log-direction = out ou in (call)
help-log-hold = Temps en attente (call)
help-log-talk = Temps de conversation (call)
help-log-outcome = answered, dropped, no-answer, transferred (call) ; fixed, failed, no-show (visit) ; deadlock (complaint)
help-log-to = Où l’on vous a renvoyé (redirect), qui a reçu une réclamation (complaint)
help-log-from = D’où l’on vous a renvoyé (redirect), expéditeur (message)
help-log-due = Échéance d’une promesse (promise)
help-log-state = pending, kept, broken (promise) [par défaut : pending]
help-log-channel = sms, email, letter, chat, app, web, phone (message, complaint) ; une réclamation par lettre, e-mail ou web est écrite
help-log-subject = Objet (message)
help-log-reference = Référence (complaint)
help-log-who = Qui est venu : technicien, boutique… (visit)
help-log-window_start = Début du créneau de rendez-vous (visit)
help-log-window_end = Fin du créneau de rendez-vous (visit)
help-log-detail = Texte libre plus long
help-log-summary = Ce qui s’est passé, en une ligne (plusieurs mots sont réunis)
help-list = Lister les dossiers ouverts, les plus récemment actifs d’abord
help-list-all = Tous les dossiers, pas seulement les ouverts
help-list-json = Un tableau JSON plutôt qu’une table
help-show = Afficher un dossier, ses compteurs et sa chronologie
help-show-json = Un objet JSON plutôt que du texte
help-status = Changer le statut d’un dossier
help-set = Changer les champs d’un dossier et afficher son résumé en une ligne
help-set-title = Un nouveau titre
help-set-org = Une nouvelle organisation
help-set-country = Le pays dont les règles s’appliquent : ISO 3166-1 alpha-2 (NL, GB, DE, FR, BE)
help-set-customer = consumer, small-business ou business
help-set-fee = L’abonnement mensuel dans la monnaie du pays : 60, 60.00, 49,95
help-set-refs = Une référence comme 'numéro client=123' (répétable ; avec set, 'LABEL=' la retire)
help-set-tags = Ajouter une étiquette (répétable)
help-set-untags = Retirer une étiquette (répétable)
help-clocks = Les délais d’escalade du dossier et les estimations d’indemnisation
help-clocks-json = Un objet JSON plutôt que du texte
help-due = Sur les dossiers ouverts : promesses et délais bientôt échus ou dépassés sans suite, les plus proches d’abord (pour cron et les notifications ; sort avec 0)
help-due-within = Jusqu’où regarder [par défaut : 7d]
help-due-json = Un tableau JSON plutôt qu’une ligne chacun
help-due-ics = Un fichier iCalendar (un événement par promesse et délai) pour un agenda ; sans --within il contient tout ce qui vient
help-rules = Les jeux de règles en vigueur : leurs règles, versions, statut et sources
help-rules-country = Seulement le jeu de ce pays (p. ex. NL, GB, DE, FR, BE)
help-export = Écrire un dossier en Markdown, en JSON ou en CSV de ses événements
help-export-output = Écrire dans FILE plutôt que sur la sortie standard
help-import = Ajouter les dossiers d’un document JSON (tel qu’écrit par `export --format json` ; `-` lit stdin)
help-config = Vérifier le fichier de configuration, dire où il est, ou afficher une config par défaut commentée
help-config-default = Afficher la config par défaut commentée
help-config-path = Afficher le chemin du fichier de configuration utilisé
help-completions = Afficher un script de complétion pour le shell (bash, zsh, fish, elvish, powershell)
help-man = Afficher la page de manuel (roff)

# clap's own flags and help command
help-flag-help = Afficher l’aide
help-flag-version = Afficher la version
help-help = Afficher cette aide ou celle des commandes données

help-runaround-examples =
    Exemples :
      runaround demo                                   essayer sur le journal de démo intégré
      runaround new 'Téléphone en panne' --org Proximus --outage '2024-03-04 09:00'
      runaround log telephone call --number 1200 --hold 25m --outcome transferred 'Renvoyé au 0800-0403'
      runaround log telephone redirect --from 1200 --to 0800-0403
      runaround log telephone promise --due '2024-03-06 16:00' 'Appareil de prêt sous 48 heures'
      runaround show telephone
      runaround export telephone --format md -o dossier.md

    WHEN : RFC 3339, 'AAAA-MM-JJ HH:MM[:SS]', 'AAAA-MM-JJ', 'HH:MM' (aujourd’hui), '-2h' (il y a) ou 'now' ;
           années 1000-9999. Dans --due, --window-start et --window-end, 'HH:MM' tombe le jour de
           l’événement (--window-end : celui du début), et un --due 'AAAA-MM-JJ' est la fin de ce jour.
    DUR :  20m, 1h5m, 90s, '1h 05m', 12:30 ; un --hold ou --talk d’au plus 31 jours.
    CASE : un id de dossier, un début d’id unique, ou un morceau de titre qu’un seul dossier a.

    Config (RON, facultative ; `runaround config --path` dit où, --config FILE ou RUNAROUND_CONFIG
    une autre) :
      runaround config --default                       les valeurs par défaut commentées, pour commencer
      runaround config                                 vérifier la config (fichier:ligne: problème)
      runaround --config light.ron                     des réglages pour cette fois seulement
      p. ex. (theme: "light", keys: {"{"} "log_event": "L" {"}"}, default_organisation: "KPN", mouse: false, language: "fr")

    Complétion du shell et manuel :
      runaround completions bash > ~/.local/share/bash-completion/completions/runaround
      runaround man > ~/.local/share/man/man1/runaround.1

    Journal de débogage, à joindre à un rapport de bug (jamais le texte d’un dossier) :
      RUNAROUND_LOG=debug runaround                    écrit runaround.log dans le dossier d’état,
                                                       p. ex. ~/.local/state/runaround/runaround.log
      RUNAROUND_LOG=info ou warn écrivent moins ; non défini ou off, rien n’est écrit.
help-sync = Valider le journal dans git, le fusionner avec ses autres copies, puis le pousser
help-sync-init = Faire d’abord du dossier de données un dépôt git synchronisé avec REMOTE (une URL ou un chemin), ou le diriger vers lui
help-merge-driver = Le pilote de fusion que git lance pour les fichiers de dossier (installé par `sync --init`)
