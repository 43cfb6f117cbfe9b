# rules : les problèmes d’un jeu de règles qui ne s’est pas chargé.
pack-schema = schéma { $schema } (ce runaround lit le schéma { $reads })
pack-currency-of-country = devise incohérente : { $currency } n’est pas la devise de { $country }
pack-currency-of-pack = la devise { $currency } ne correspond pas à celle du jeu { $country } ({ $theirs })
pack-needs-calendar = aucun jeu intégré pour { $country } : le fichier doit avoir un calendrier
pack-rule-twice = la règle « { $rule } » apparaît deux fois
pack-rule-no-english-title = la règle « { $rule } » n’a pas de titre anglais (title: {"{"}"en": …{"}"})
pack-rule-no-versions = la règle « { $rule } » n’a pas de version
pack-version-ends-before-start = règle « { $rule } » : une version finit ({ $until }) avant de commencer ({ $from })
pack-versions-overlap = règle « { $rule } » : versions qui se chevauchent (celle du { $from } est encore en vigueur le { $next }, quand la suivante commence)
pack-in-version = règle « { $rule } » du { $from } : { $problem }
pack-unknown-word = { $what } inconnu « { $value } » (attendu : { $expected })
pack-no-sources = sources manquantes (chaque version en demande au moins une)
pack-source-without-url = la source « { $title } » n’a pas d’url
pack-no-english-basis = le fondement juridique n’a pas de texte anglais (« en »)
pack-money-mismatch = devise incohérente : un montant en { $amount } dans un jeu en { $pack }
pack-no-tiers = aucun palier
pack-no-steps = aucune étape
pack-zero-denominator = une fraction de dénominateur 0
pack-greatest-of-nothing = Greatest de rien
pack-in-reading = la lecture « { $reading } » : { $problem }

## Les mots des règles, tels qu’on les lit
rules-meaning-earliest = recours dès
rules-meaning-latest = saisir avant
rules-meaning-reply-due = réponse avant
rules-meaning-claim-by = réclamer avant
rules-state-running = en cours
rules-state-passed = dépassé
rules-state-done = terminé
rules-status-verified = vérifié
rules-status-secondary = secondaire
rules-status-unverified = non vérifié
rules-status-disputed = contesté
rules-claim-automatic = automatiquement
rules-claim-on-request = sur demande
