# letters: nl
letters-the-config-file = het configuratiebestand (`runaround config --path` zegt waar)
letters-no-sender-name = een brief heeft je naam nodig: vul { $key } in, in { $file }
letters-no-sender-address = een brief heeft je postadres nodig: vul { $key } in, in { $file } (een lijst van regels)
letters-bad-template = het briefsjabloon { $name } werkt niet: { $problem }
letters-call = { $when }: { $number }, { $hold } in de wacht
letters-redirect = { $when }: van { $from } naar { $to } gestuurd
letters-compensation = { $title }: { $amount }
letters-reference = { $label }: { $value }
letters-sent-summary = Schriftelijke klacht per brief verstuurd
letters-adr-body = { $country ->
    [NL] de Geschillencommissie Telecommunicatie
    [FR] de Médiateur des communications électroniques
    [GB] de Communications Ombudsman of CISAS
    [BE] de Ombudsman voor Telecommunicatie
    [DE] de Schlichtungsstelle Telekommunikation van de Bundesnetzagentur
   *[other] de geschillencommissie
}
letters-adr-addressee = { $country ->
    [NL] De Geschillencommissie Telecommunicatie
    [FR] Médiateur des communications électroniques
    [GB] Communications Ombudsman / CISAS
    [BE] Ombudsman voor Telecommunicatie
    [DE] Schlichtungsstelle Telekommunikation, Bundesnetzagentur
   *[other] De geschillencommissie
}
redact-agent = medewerker { $letter }
redact-hidden = {"[weggelaten]"}
redact-phone = {"[telefoon]"}
redact-email = {"[e-mail]"}
redact-iban = {"[IBAN]"}
help-letter = Een brief ingevuld met de zaak: complaint (klacht), reminder (herinnering), notice-of-default (ingebrekestelling) of adr (geschillencommissie)
help-letter-output = Schrijf naar FILE in plaats van standaarduitvoer
help-letter-redact = Verberg persoonlijke gegevens, zoals export --redact doet
help-export-redact = Verberg persoonlijke gegevens: kenmerken, e-mailadressen, IBAN's, telefoonnummers die niet van de organisatie zijn, namen van medewerkers, de woorden van redact in de configuratie
letters-keyhelp = de klachtbrief naar een bestand, als verstuurd noteren
letters-confirm-title = Brief
letters-confirm-yes = als verstuurd noteren · anders niet
letters-written = Brief geschreven naar { $path }
letters-log-question = Als verstuurd noteren (een klacht per brief, die de termijnen start)?
letters-logged = Als verstuurd genoteerd: een klacht per brief
letters-cannot-write = Kan de brief niet schrijven: { $error }
