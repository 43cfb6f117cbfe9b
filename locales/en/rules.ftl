# rules: en
