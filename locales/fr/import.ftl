# import : lire un document dossier par dossier
import-bad-json = JSON non valide : { $error }
import-changed = { $file } a changé pendant sa lecture ; rien n’a été importé
import-changed-midway = { $file } a changé pendant l’importation, qui s’est arrêtée : { $error }
