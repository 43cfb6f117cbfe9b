# rules: the problems of a rule pack that did not load.
pack-schema = schema { $schema } (this runaround reads schema { $reads })
pack-currency-of-country = currency mismatch: { $currency } is not the currency of { $country }
pack-currency-of-pack = currency { $currency } does not match the { $country } pack's { $theirs }
pack-needs-calendar = no built-in pack for { $country }: the file needs a calendar
pack-rule-twice = rule '{ $rule }' appears twice
pack-rule-no-english-title = rule '{ $rule }' has no English title (title: {"{"}"en": …{"}"})
pack-rule-no-versions = rule '{ $rule }' has no versions
pack-version-ends-before-start = rule '{ $rule }': a version ends ({ $until }) before it starts ({ $from })
pack-versions-overlap = rule '{ $rule }': overlapping versions (the one from { $from } is still in force on { $next }, when the next starts)
pack-in-version = rule '{ $rule }' from { $from }: { $problem }
pack-unknown-word = unknown { $what } '{ $value }' (expected one of: { $expected })
pack-no-sources = missing sources (every version needs at least one)
pack-source-without-url = the source '{ $title }' has no url
pack-no-english-basis = the legal basis has no English text ('en')
pack-money-mismatch = currency mismatch: an amount in { $amount } in a pack in { $pack }
pack-no-tiers = no tiers
pack-no-steps = no steps
pack-zero-denominator = a fraction with denominator 0
pack-greatest-of-nothing = Greatest of nothing
pack-in-reading = the reading '{ $reading }': { $problem }

## The rules' words, as a person reads them
rules-meaning-earliest = escalate from
rules-meaning-latest = file by
rules-meaning-reply-due = reply due by
rules-meaning-claim-by = claim by
rules-state-running = running
rules-state-passed = passed
rules-state-done = done
rules-status-verified = verified
rules-status-secondary = secondary
rules-status-unverified = unverified
rules-status-disputed = disputed
rules-claim-automatic = automatically
rules-claim-on-request = on request
