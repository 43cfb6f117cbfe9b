# import: een document zaak voor zaak lezen
import-bad-json = geen geldige JSON: { $error }
import-changed = { $file } veranderde terwijl het gelezen werd; er is niets geïmporteerd
import-changed-midway = { $file } veranderde tijdens het importeren, en het importeren is gestopt: { $error }
