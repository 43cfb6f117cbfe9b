# help: nl
help-runaround = Een dossier in de terminal voor als de klantenservice je van het kastje naar de muur stuurt
help-runaround-data_dir = Waar het dossier staat [standaard: de datamap van het platform, bijv. ~/.local/share/runaround]
help-runaround-now = Reken tellers en standaardtijden uit op WHEN in plaats van nu
help-runaround-config = Lees instellingen uit FILE [standaard: config.ron in de configmap van het platform]
help-runaround-lang = Spreek LANG: en, nl of fr [standaard: de taal uit de config, anders die van de locale]
help-demo = Open de TUI op een verse tijdelijke kopie van het demodossier (het jouwe blijft onaangeroerd)
help-new = Maak een zaak aan en toon de id
help-new-title = De titel van de zaak (meerdere woorden worden samengevoegd)
help-new-org = De organisatie die je van het kastje naar de muur stuurt (mag weg als de config een standaardorganisatie noemt)
help-new-opened = Wanneer de zaak begon [standaard: nu]
help-new-outage = Noteer ook dat de dienst uitviel op WHEN
help-new-tags = Een label (herhaalbaar)
help-new-country = Het land waarvan de regels gelden: ISO 3166-1 alpha-2 (NL, GB, DE, FR, BE)
help-new-customer = consumer, small-business of business
help-new-fee = Het maandbedrag in de munt van het land: 60, 60.00, 49,95
help-new-refs = Een kenmerk zoals 'klantnummer=123' (herhaalbaar; bij set haalt 'LABEL=' het weg)
help-log = Zet één gebeurtenis op de tijdlijn van een zaak en toon die
help-log-at = Wanneer het gebeurde [standaard: nu]
help-log-number = Gebeld nummer (call)
help-log-department = Afdeling (call)
help-log-agent = Naam van de medewerker (call, redirect, promise)
help-log-direction = out of in (call)
help-log-hold = Tijd in de wacht (call)
help-log-talk = Gesprekstijd (call)
help-log-outcome = answered, dropped, no-answer, transferred (call); fixed, failed, no-show (visit); deadlock (complaint)
help-log-to = Waarheen je doorgezet werd (redirect), wie een klacht ontving (complaint)
help-log-from = Waarvandaan je doorgezet werd (redirect), afzender (message)
help-log-due = Wanneer een belofte afloopt (promise)
help-log-state = pending, kept, broken (promise) [standaard: pending]
help-log-channel = sms, email, letter, chat, app, web, phone (message, complaint); een klacht per brief, e-mail of web is schriftelijk
help-log-subject = Onderwerp (message)
help-log-reference = Kenmerk (complaint)
help-log-who = Wie er kwam: monteur, winkel… (visit)
help-log-window_start = Begin van het afspraakvenster (visit)
help-log-window_end = Einde van het afspraakvenster (visit)
help-log-detail = Langere vrije tekst
help-log-summary = Wat er gebeurde, in één regel (meerdere woorden worden samengevoegd)
help-list = Toon open zaken, meest recent actief eerst
help-list-all = Alle zaken, niet alleen de open
help-list-json = Een JSON-array in plaats van een tabel
help-show = Toon een zaak, de tellers en de tijdlijn
help-show-json = Eén JSON-object in plaats van tekst
help-status = Wijzig de status van een zaak
help-set = Wijzig velden van een zaak en toon de samenvatting op één regel
help-set-title = Een nieuwe titel
help-set-org = Een nieuwe organisatie
help-set-country = Het land waarvan de regels gelden: ISO 3166-1 alpha-2 (NL, GB, DE, FR, BE)
help-set-customer = consumer, small-business of business
help-set-fee = Het maandbedrag in de munt van het land: 60, 60.00, 49,95
help-set-refs = Een kenmerk zoals 'klantnummer=123' (herhaalbaar; bij set haalt 'LABEL=' het weg)
help-set-tags = Voeg een label toe (herhaalbaar)
help-set-untags = Haal een label weg (herhaalbaar)
help-clocks = De escalatieklokken van de zaak en schattingen van de vergoeding
help-clocks-json = Eén JSON-object in plaats van tekst
help-due = Over de open zaken: beloftes en klokken die bijna aflopen of verlopen zijn zonder actie, eerstvolgende eerst (voor cron en meldingen; eindigt met 0)
help-due-within = Hoe ver vooruit te kijken [standaard: 7d]
help-due-json = Een JSON-array in plaats van een regel per stuk
help-due-ics = Een iCalendar-bestand (één afspraak per belofte en klok) voor een agenda-app; zonder --within staat alles erin wat nog komt
help-rules = De geldende regelpakketten: hun regels, versies, status en bronnen
help-rules-country = Alleen het pakket van dit land (bijv. NL, GB, DE, FR, BE)
help-export = Schrijf een zaak als Markdown-dossier, JSON of CSV van de gebeurtenissen
help-export-output = Schrijf naar FILE in plaats van de standaarduitvoer
help-import = Voeg de zaken van een JSON-document toe (zoals `export --format json` schrijft; `-` leest stdin)
help-config = Controleer het configbestand, toon waar het staat, of toon een standaardconfig met uitleg
help-config-default = Toon de standaardconfig met uitleg
help-config-path = Toon het pad van het gebruikte configbestand
help-completions = Toon een script voor aanvullen in de shell (bash, zsh, fish, elvish, powershell)
help-man = Toon de handleiding (roff)

# clap's own flags and help command
help-flag-help = Toon de hulp
help-flag-version = Toon de versie
help-help = Toon deze hulp of die van de genoemde opdracht(en)

help-runaround-examples =
    Voorbeelden:
      runaround demo                                   probeer het op het ingebouwde demodossier
      runaround new 'Geen internet na verhuizing' --org KPN --outage '2013-08-16 17:30'
      runaround log internet call --number 0800-0402 --hold 25m --outcome transferred 'Weer doorgezet'
      runaround log internet redirect --from 0800-0402 --to 'interne organisatie'
      runaround log internet promise --due '2013-08-20 16:00' 'Binnen 24 tot 48 uur opgelost'
      runaround show internet
      runaround export internet --format md -o dossier.md

    WHEN: RFC 3339, 'JJJJ-MM-DD UU:MM[:SS]', 'JJJJ-MM-DD', 'UU:MM' (vandaag), '-2h' (geleden) of 'now';
          jaren 1000-9999. In --due, --window-start en --window-end valt 'UU:MM' op de dag van de
          gebeurtenis (--window-end: die van het begin), en een --due 'JJJJ-MM-DD' is het eind van die dag.
    DUR:  20m, 1h5m, 90s, '1h 05m', 12:30; een --hold of --talk van hoogstens 31 dagen.
    CASE: een zaak-id, een uniek begin van een id, of een stuk titel dat maar één zaak heeft.

    Config (RON, optioneel; `runaround config --path` zegt waar, --config FILE of RUNAROUND_CONFIG
    een andere):
      runaround config --default                       de standaardwaarden met uitleg, om mee te beginnen
      runaround config                                 controleer het configbestand (bestand:regel: probleem)
      runaround --config light.ron                     instellingen voor alleen deze keer
      bijv. (theme: "light", keys: {"{"} "log_event": "L" {"}"}, default_organisation: "KPN", mouse: false, language: "nl")

    Aanvullen in de shell en de handleiding:
      runaround completions bash > ~/.local/share/bash-completion/completions/runaround
      runaround man > ~/.local/share/man/man1/runaround.1

    Debuglog, om bij een foutmelding te voegen (wat runaround deed, nooit tekst uit een zaak):
      RUNAROUND_LOG=debug runaround                    schrijft runaround.log in de state-map,
                                                       bijv. ~/.local/state/runaround/runaround.log
      RUNAROUND_LOG=info of warn schrijven minder; niet gezet of off: er wordt niets geschreven.
help-sync = Leg het dagboek vast in git, voeg het samen met de andere kopieën en push het
help-sync-init = Maak eerst van de datamap een git-repository die synchroniseert met REMOTE (een URL of een pad), of wijs hem daarheen
help-merge-driver = Het samenvoegprogramma dat git voor zaakbestanden gebruikt (ingesteld door `sync --init`)
