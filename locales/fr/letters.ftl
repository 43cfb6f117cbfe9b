# letters: fr
letters-the-config-file = le fichier de configuration (`runaround config --path` indique où)
letters-no-sender-name = une lettre a besoin de votre nom : renseignez { $key } dans { $file }
letters-no-sender-address = une lettre a besoin de votre adresse postale : renseignez { $key } dans { $file } (une liste de lignes)
letters-bad-template = le modèle de lettre { $name } ne se remplit pas : { $problem }
letters-call = { $when } : { $number }, { $hold } en attente
letters-redirect = { $when } : renvoyé de { $from } vers { $to }
letters-compensation = { $title } : { $amount }
letters-reference = { $label } : { $value }
letters-sent-summary = Réclamation écrite envoyée par courrier
letters-adr-body = { $country ->
    [NL] la Geschillencommissie Telecommunicatie
    [FR] le Médiateur des communications électroniques
    [GB] le Communications Ombudsman ou CISAS
    [BE] le Service de médiation pour les télécommunications
    [DE] la Schlichtungsstelle Telekommunikation de la Bundesnetzagentur
   *[other] l’organisme de règlement des litiges
}
letters-adr-addressee = { $country ->
    [NL] Geschillencommissie Telecommunicatie
    [FR] Médiateur des communications électroniques
    [GB] Communications Ombudsman / CISAS
    [BE] Service de médiation pour les télécommunications
    [DE] Schlichtungsstelle Telekommunikation, Bundesnetzagentur
   *[other] Organisme de règlement des litiges
}
redact-agent = conseiller { $letter }
redact-hidden = {"[masqué]"}
redact-phone = {"[téléphone]"}
redact-email = {"[e-mail]"}
redact-iban = {"[IBAN]"}
help-letter = Une lettre remplie à partir du dossier : complaint (réclamation), reminder (relance), notice-of-default (mise en demeure) ou adr (médiateur)
help-letter-output = Écrire dans FILE au lieu de la sortie standard
help-letter-redact = Masquer les données personnelles, comme export --redact
help-export-redact = Masquer les données personnelles : références, adresses e-mail, IBAN, numéros qui ne sont pas ceux de l’organisation, noms des conseillers, les mots de redact de la configuration
letters-keyhelp = écrire la réclamation dans un fichier, la noter envoyée
letters-confirm-title = Lettre
letters-confirm-yes = noter comme envoyée · sinon non
letters-written = Lettre écrite dans { $path }
letters-log-question = La noter comme envoyée (une réclamation par courrier, qui lance ses délais) ?
letters-logged = Notée comme envoyée : une réclamation par courrier
letters-cannot-write = Impossible d’écrire la lettre : { $error }
