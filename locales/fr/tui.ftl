# tui: fr
