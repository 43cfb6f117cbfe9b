# export: en
