# tui: en
