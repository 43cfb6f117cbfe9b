# Het debuglog (RUNAROUND_LOG).
log-bad-level = RUNAROUND_LOG={ $value } is geen debug, info, warn of off: er wordt geen debuglog geschreven
log-no-dir = er is geen thuismap om het debuglog in te bewaren: er wordt geen debuglog geschreven
log-cannot-write = het debuglog { $path } kan niet worden geschreven ({ $error }): runaround gaat zonder verder
