# export: fr
