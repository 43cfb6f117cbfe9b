# Le journal de débogage (RUNAROUND_LOG).
log-bad-level = RUNAROUND_LOG={ $value } n’est ni debug, ni info, ni warn, ni off : aucun journal de débogage n’est écrit
log-no-dir = aucun dossier personnel où garder le journal de débogage : aucun journal de débogage n’est écrit
log-cannot-write = le journal de débogage { $path } ne peut pas être écrit ({ $error }) : runaround continue sans lui
