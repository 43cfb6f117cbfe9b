# pictures : la carte du parcours, l’annuaire des numéros et les graphiques.

## Sortes de lieux
pictures-kind-number = numéro
pictures-kind-shop = boutique
pictures-kind-website = site web
pictures-kind-department = service

## La carte
pictures-map-title = Carte du parcours : { $title } ({ $organisation })
pictures-map-empty = Pas encore d’appel ni de renvoi : rien à dessiner.
pictures-places = Lieux
pictures-redirects = Renvois
pictures-loop = boucle
pictures-times-here = ({ $times }× ici)
pictures-places-count = { $count ->
    [one] 1 lieu
   *[other] { $count } lieux
}
pictures-redirects-count = { $count ->
    [one] 1 renvoi
   *[other] { $count } renvois
}
pictures-loops-count = { $count ->
    [one] 1 boucle
   *[other] { $count } boucles
}
pictures-calls = { $count ->
    [one] 1 appel
   *[other] { $count } appels
}
pictures-median-hold = attente médiane { $duration }
pictures-longest = max { $duration }
pictures-sent-on = vous a renvoyé { $count }×
pictures-sent-back = renvoyé ici { $count }×
pictures-helped-here = c’est ce qui a aidé
pictures-helped = Ce qui a aidé : { $place }
pictures-helped-none = Rien n’a encore aidé.

## L’annuaire
pictures-sent-to = vous a renvoyé vers { $places }
pictures-sent-from = renvoyé ici par { $places }
pictures-fixed-after = réglé { $fixes } fois sur { $contacts ->
    [one] 1 contact
   *[other] { $contacts } contacts
}
pictures-sent-elsewhere = renvoyé ailleurs { $times } fois sur { $contacts }
pictures-numbers-none = Pas encore de numéros : notez appels et renvois, ils apparaîtront ici.
pictures-numbers-none-for = Pas encore de numéros pour { $organisation }.

## --help de map et numbers
help-map = La carte du parcours : les lieux entre lesquels le dossier a été renvoyé, avec ses boucles
help-map-format = text (une chaîne lisible), dot (Graphviz) ou svg (une image)
help-map-json = Un objet JSON à la place
help-numbers = L’annuaire des numéros et des services, appris de tous les dossiers
help-numbers-org = Seulement ceux de cette organisation
help-numbers-json = Un tableau JSON plutôt que du texte

## Les images dans la TUI
pictures-keyhelp-map = carte du parcours : lieux, renvois, boucles
pictures-keyhelp-numbers = annuaire des numéros, appris de tous les dossiers
pictures-keyhelp-charts = graphiques : attente par appel, temps sans service par jour
pictures-title-map = Carte du parcours
pictures-title-numbers = Numéros
pictures-title-charts = Graphiques
pictures-hint = { $pick } choisir · { $next } image suivante · autre touche : fermer
pictures-no-case = Aucun dossier choisi.
pictures-call-hold = attente { $duration }
pictures-numbers-learning = Lecture de tous les dossiers…
pictures-numbers-heading = { $organisation } : { $count ->
    [one] 1 numéro ou service
   *[other] { $count } numéros et services
}, de tous les dossiers
pictures-col-place = lieu
pictures-col-kind = type
pictures-col-calls = appels
pictures-col-median = médiane
pictures-col-longest = max
pictures-col-sent-on = renvois
pictures-chart-holds = Attente par appel (minutes) : { $count ->
    [one] 1 appel
   *[other] { $count } appels
}, { $total } en attente
pictures-chart-no-calls = Pas encore d’appel.
pictures-chart-days = Sans service par jour (heures) : { $total } en tout
pictures-chart-no-outage = Sans service par jour : aucune panne notée.
pictures-suggested = numéros connus · { $key } prend le premier
pictures-keyhelp-take-number = formulaire : prendre le premier numéro connu
pictures-chart-days-last = Sans service par jour (heures), les { $days } derniers jours : { $total } en tout
