## Bijlagen: bestanden die als bewijs bij een zaak horen.

attach-missing = { $path }: bestand bestaat niet
attach-not-regular = { $path } is geen gewoon bestand (een map, een FIFO of een apparaat): alleen een bestand kan bijgevoegd worden
attach-too-big = { $path } is { $size } bytes, boven de grens van { $limit } bytes voor een bijlage
attach-cannot-read = { $path } is niet te lezen: { $error }
attach-no-event = { $case } heeft geen gebeurtenis { $event } (geef het nummer uit `show`, of de id)
attach-no-such = { $case } heeft geen bijlage { $id }
attach-removed = Bijlage { $id } verwijderd uit { $case } (de zaak houdt bij dat hij er was).
attach-none = { $case } heeft geen bijlagen.
attach-list-line = { $id }  { $size } bytes  { $sha }  { $title }
attach-list-removed = {"  "}(verwijderd { $when })
attach-import-missing = zaak { $case }: het bestand van bijlage { $id } ({ $name }) staat niet in dit journaal; kopieer het naar attachments/{ $sha } in de datamap
attach-import-bad-hash = bijlage { $id } heeft geen geldige sha256
attach-file-missing = het bestand van bijlage { $id } ({ $name }, sha256 { $sha }) ontbreekt of is beschadigd in het journaal
attach-dir-needs-output = export --format dir heeft een map nodig om in te schrijven: -o MAP
attach-dir-not-empty = { $path } is niet leeg: export --format dir schrijft in een nieuwe of lege map
attach-format-dir = Een map: het dossier, de bijlagen en een lijst met controlegetallen

attach-keyhelp = de bijlagen van de zaak (Enter opent er een)
attach-tui-title = Bijlagen
attach-tui-none = Geen bestanden bijgevoegd. In de shell: runaround attach ZAAK BESTAND
attach-tui-facts = { $size } B · { $sha }
attach-tui-hint = { $key } opent met het standaardprogramma · elke andere toets sluit
attach-tui-missing = het bestand van { $name } staat niet in het journaal
attach-tui-opener-exited = { $opener } stopte met { $status }
attach-tui-opener-cannot-run = { $opener } kan niet starten: { $error }
attach-status-opened = { $name } geopend.
attach-status-not-opened = Niet geopend: { $error }

help-attach = Voeg een bestand als bewijs toe aan een zaak en toon de id; zonder BESTAND: de lijst
help-attach-file = Het bestand om toe te voegen (gekopieerd in het journaal)
help-attach-event = De gebeurtenis waar het bij hoort: het nummer uit `show`, of de id
help-attach-label = Wat het is, in een paar woorden
help-attach-remove = Verwijder bijlage ID (de zaak houdt bij dat hij verwijderd is, en wanneer)
attach-dir-no-redact = --redact kan de bijgevoegde bestanden van een bundel niet maskeren: exporteer --format md of html met --redact, of --format dir zonder
