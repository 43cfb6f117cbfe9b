# export: nl
