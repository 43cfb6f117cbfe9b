# tui: nl
