# help: nl
