# rules: fr
