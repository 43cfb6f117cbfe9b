# letters: en
# The letters of `runaround letter` (their shape is in assets/letters/), and --redact.
letters-the-config-file = the config file (`runaround config --path` says where)
letters-no-sender-name = a letter needs your name: set { $key } in { $file }
letters-no-sender-address = a letter needs your postal address: set { $key } in { $file } (a list of lines)
letters-bad-template = the letter template { $name } does not render: { $problem }
letters-call = { $when }: { $number }, { $hold } on hold
letters-redirect = { $when }: sent from { $from } to { $to }
letters-compensation = { $title }: { $amount }
letters-reference = { $label }: { $value }
letters-sent-summary = Written complaint sent by letter
letters-adr-body = { $country ->
    [NL] the Geschillencommissie Telecommunicatie
    [FR] the Médiateur des communications électroniques
    [GB] the Communications Ombudsman or CISAS
    [BE] the Ombudsman for Telecommunications
    [DE] the Schlichtungsstelle Telekommunikation of the Bundesnetzagentur
   *[other] the dispute body
}
letters-adr-addressee = { $country ->
    [NL] De Geschillencommissie Telecommunicatie
    [FR] Médiateur des communications électroniques
    [GB] Communications Ombudsman / CISAS
    [BE] Ombudsman for Telecommunications
    [DE] Schlichtungsstelle Telekommunikation, Bundesnetzagentur
   *[other] The dispute body
}
redact-agent = agent { $letter }
redact-hidden = {"[redacted]"}
redact-phone = {"[phone]"}
redact-email = {"[e-mail]"}
redact-iban = {"[IBAN]"}
help-letter = A letter filled from the case: complaint, reminder, notice-of-default or adr
help-letter-output = Write to FILE instead of standard output
help-letter-redact = Mask personal data, as export --redact does
help-export-redact = Mask personal data: references, e-mail addresses, IBANs, phone numbers that are not the organisation's, agents' names, the config's redact words
letters-keyhelp = write the complaint letter to a file, log it as sent
letters-confirm-title = Letter
letters-confirm-yes = log as sent · any other key: not yet
letters-written = Letter written to { $path }
letters-log-question = Log it as sent (a complaint by letter, which starts its clocks)?
letters-logged = Logged as sent: a complaint by letter
letters-cannot-write = Could not write the letter: { $error }
