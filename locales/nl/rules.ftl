# rules: nl
