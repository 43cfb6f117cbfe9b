# help: fr
