## Pièces jointes : fichiers gardés comme preuves d’un dossier.

attach-missing = { $path } : fichier introuvable
attach-not-regular = { $path } n’est pas un fichier ordinaire (un répertoire, une FIFO ou un périphérique) : seul un fichier peut être joint
attach-too-big = { $path } fait { $size } octets, au-delà de la limite de { $limit } octets pour une pièce jointe
attach-cannot-read = { $path } ne peut pas être lu : { $error }
attach-no-event = { $case } n’a pas d’événement { $event } (donnez son numéro dans `show`, ou son identifiant)
attach-no-such = { $case } n’a pas de pièce jointe { $id }
attach-removed = Pièce jointe { $id } retirée de { $case } (le dossier garde trace qu’elle y était).
attach-none = { $case } n’a pas de pièces jointes.
attach-list-line = { $id }  { $size } octets  { $sha }  { $title }
attach-list-removed = {"  "}(retirée le { $when })
attach-import-missing = dossier { $case } : le fichier de la pièce jointe { $id } ({ $name }) n’est pas dans ce journal ; copiez-le dans attachments/{ $sha } du répertoire de données
attach-import-bad-hash = la pièce jointe { $id } n’a pas de sha256 valide
attach-file-missing = le fichier de la pièce jointe { $id } ({ $name }, sha256 { $sha }) manque ou est abîmé dans le journal
attach-dir-needs-output = export --format dir a besoin du répertoire où écrire : -o RÉPERTOIRE
attach-dir-not-empty = { $path } n’est pas vide : export --format dir écrit dans un répertoire nouveau ou vide
attach-format-dir = Un répertoire : le dossier, ses pièces jointes et une liste de sommes de contrôle

attach-keyhelp = les pièces jointes du dossier (Entrée en ouvre une)
attach-tui-title = Pièces jointes
attach-tui-none = Aucun fichier joint. Depuis le shell : runaround attach DOSSIER FICHIER
attach-tui-facts = { $size } o · { $sha }
attach-tui-hint = { $key } ouvre avec l’application du système · toute autre touche ferme
attach-tui-missing = le fichier de { $name } n’est pas dans le journal
attach-tui-opener-exited = { $opener } s’est terminé avec { $status }
attach-tui-opener-cannot-run = { $opener } ne peut pas être lancé : { $error }
attach-status-opened = { $name } ouvert.
attach-status-not-opened = Non ouvert : { $error }

help-attach = Joindre un fichier comme preuve à un dossier et afficher son identifiant ; sans FICHIER, les lister
help-attach-file = Le fichier à joindre (copié dans le journal)
help-attach-event = L’événement auquel il se rapporte : son numéro dans `show`, ou son identifiant
help-attach-label = Ce que c’est, en quelques mots
help-attach-remove = Retirer la pièce jointe ID (le dossier garde qu’elle a été retirée, et quand)
attach-dir-no-redact = --redact ne peut pas masquer les fichiers joints d’un dossier complet : exportez en --format md ou html avec --redact, ou en --format dir sans
