# rules: de problemen van een regelpakket dat niet laadde.
pack-schema = schema { $schema } (deze runaround leest schema { $reads })
pack-currency-of-country = munteenheid klopt niet: { $currency } is niet de munteenheid van { $country }
pack-currency-of-pack = munteenheid { $currency } past niet bij { $theirs } van het pakket voor { $country }
pack-needs-calendar = geen ingebouwd pakket voor { $country }: het bestand heeft een kalender nodig
pack-rule-twice = regel '{ $rule }' komt twee keer voor
pack-rule-no-english-title = regel '{ $rule }' heeft geen Engelse titel (title: {"{"}"en": …{"}"})
pack-rule-no-versions = regel '{ $rule }' heeft geen versies
pack-version-ends-before-start = regel '{ $rule }': een versie eindigt ({ $until }) voordat ze begint ({ $from })
pack-versions-overlap = regel '{ $rule }': versies overlappen (die van { $from } geldt nog op { $next }, als de volgende begint)
pack-in-version = regel '{ $rule }' vanaf { $from }: { $problem }
pack-unknown-word = onbekende { $what } '{ $value }' (verwacht een van: { $expected })
pack-no-sources = bronnen ontbreken (elke versie heeft er minstens één nodig)
pack-source-without-url = de bron '{ $title }' heeft geen url
pack-no-english-basis = de juridische grondslag heeft geen Engelse tekst ('en')
pack-money-mismatch = munteenheid klopt niet: een bedrag in { $amount } in een pakket in { $pack }
pack-no-tiers = geen staffels
pack-no-steps = geen stappen
pack-zero-denominator = een breuk met noemer 0
pack-greatest-of-nothing = Greatest van niets
pack-in-reading = de lezing '{ $reading }': { $problem }

## De woorden van de regels, zoals iemand ze leest
rules-meaning-earliest = escaleren vanaf
rules-meaning-latest = indienen vóór
rules-meaning-reply-due = antwoord vóór
rules-meaning-claim-by = claimen vóór
rules-state-running = loopt
rules-state-passed = verstreken
rules-state-done = afgerond
rules-status-verified = geverifieerd
rules-status-secondary = secundair
rules-status-unverified = niet geverifieerd
rules-status-disputed = betwist
rules-claim-automatic = automatisch
rules-claim-on-request = op verzoek
