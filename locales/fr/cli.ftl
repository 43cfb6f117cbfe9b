# cli: fr
