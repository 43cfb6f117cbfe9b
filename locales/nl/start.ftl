# De lijst terwijl hij bij het starten wordt aangevuld, en het lezen door de opdrachtregel.
start-listing-long = { $title } · laden… (totaal { $total })
start-listing-short = Laden… ({ $filter }: { $count })
start-listing-tiny = Laden…
start-reading-long = { $title } · { $read } van { $total } zaakbestanden gelezen
start-reading-short = Lezen { $percent }% ({ $filter }: { $count })
start-reading-tiny = Lezen { $percent }%
start-cli-reading = { $read } van { $total } zaakbestanden gelezen…
