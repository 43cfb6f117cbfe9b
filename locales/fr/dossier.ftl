dossier-format-html = Un dossier HTML autonome, à imprimer
dossier-annex = Pièce n° { $n }
dossier-zone-country = Les heures sont celles de { $country }, avec leur fuseau ({ $zones }).
dossier-zone-local = Les heures sont celles de cet ordinateur, avec leur écart à UTC.
dossier-summary = Résumé
dossier-summary-case = Une réclamation contre { $org }, ouverte depuis le { $since } (état : { $status }).
dossier-summary-figures = { $calls ->
    [one] 1 appel
   *[other] { $calls } appels
}, { $redirects ->
    [one] 1 redirection
   *[other] { $redirects } redirections
}, { $broken ->
    [one] 1 promesse non tenue
   *[other] { $broken } promesses non tenues
}, { $days ->
    [one] 1 jour
   *[other] { $days } jours
} sans service.
dossier-remedy = Demandé : le rétablissement du service et une indemnité pour le temps sans.
dossier-remedy-money = Demandé : le rétablissement du service et au moins { $total } d’indemnité (estimation ci-dessous).
dossier-written = Réclamations écrites et réponses
dossier-written-none = Aucune réclamation écrite ni réponse n’est encore notée.
dossier-promises = Promesses faites, tenues et non tenues
dossier-promises-count = { $made ->
    [one] 1 promesse faite
   *[other] { $made } promesses faites
} : { $kept } tenue(s), { $broken } non tenue(s).
dossier-col-made = Faite le
dossier-col-who = Qui
dossier-col-promise = Promesse
dossier-col-due = Échéance
dossier-col-state = État
dossier-broken = Promesses non tenues
dossier-someone = Une personne sans nom
dossier-broken-line = { $who } a promis le { $made }{ $what }, pour le { $due } : non tenue.
dossier-broken-line-undated = { $who } a promis le { $made }{ $what } : non tenue.
dossier-checks = Recevabilité
dossier-checks-intro = Ce que vérifie le médiateur avant d’accepter un dossier ; un avertissement, pas un blocage.
dossier-check-complaint = Une réclamation écrite a été faite le { $when }.
dossier-check-no-complaint = Aucune réclamation écrite n’est notée : le médiateur en demande une d’abord.
dossier-check-answered = L’entreprise a répondu ({ $rule }) : si la réponse ne règle rien, le médiateur peut être saisi.
dossier-check-waited = Délai d’attente écoulé : { $rule } a pris fin le { $due }.
dossier-check-wait = Pas encore : { $rule } court jusqu’au { $due } ; le médiateur peut être saisi ensuite.
dossier-check-in-window = Dans les délais : { $rule } court jusqu’au { $due }.
dossier-check-window-closed = Le délai est peut-être passé : { $rule } courait jusqu’au { $due }.
dossier-evidence = Pièces
dossier-evidence-what = { $what } : { $said }
dossier-evidence-none = Aucune pièce n’est encore notée.
dossier-col-annex = Pièce
dossier-col-evidence = Contenu
dossier-digest = Empreinte
dossier-digest-how = Pour vérifier une copie, cette commande donne la même empreinte pour le dossier tel qu’exporté :
dossier-evidence-file = { $title } (fichier { $file })
