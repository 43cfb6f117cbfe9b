# sync: nl — `runaround sync`, zijn merge driver, en de conflictkopieën van bestandssync
sync-summary = { $events_in ->
    [one] { $events_in } gebeurtenis
   *[other] { $events_in } gebeurtenissen
} binnen, { $events_out } verstuurd, { $cases ->
    [one] { $cases } zaak
   *[other] { $cases } zaken
} samengevoegd
sync-no-git = git is niet geïnstalleerd: installeer het (bv. `apt install git`) om het journaal te synchroniseren
sync-not-repo = { $dir } is nog geen git-repository: `runaround sync --init REMOTE` maakt er een van
sync-merge-in-progress = er loopt een git-merge in { $dir }: maak hem af (`git merge --continue`) of draai hem terug (`git merge --abort`) en synchroniseer dan opnieuw
sync-git-failed = `git { $what }` is mislukt: { $reason }
sync-cannot-merge = kon { $files } niet samenvoegen: { $reason }; er is niets veranderd, het bestand is zoals het was
sync-push-rejected = de andere kopieën bleven veranderen terwijl deze synchroniseerde: synchroniseer opnieuw
sync-unreadable = { $file } is niet te lezen: { $reason }
sync-conflict-merged = de conflictkopie { $copy } is samengevoegd met '{ $title }' ({ $count ->
    [one] { $count } nieuwe gebeurtenis
   *[other] { $count } nieuwe gebeurtenissen
}) en verwijderd
sync-conflict-unreadable = de conflictkopie { $copy } is niet te lezen en blijft staan: { $reason }
sync-notice-merged = conflictkopie verwerkt in '{ $title }' (+{ $count ->
    [one] { $count } gebeurtenis
   *[other] { $count } gebeurtenissen
})
sync-notice-merged-many = { $copies } conflictkopieën verwerkt (+{ $count ->
    [one] { $count } gebeurtenis
   *[other] { $count } gebeurtenissen
})
sync-notice-mixed = conflictkopieën: { $merged } verwerkt, { $left } onleesbaar (`runaround list` noemt ze)
sync-notice-left = { $copies ->
    [one] een conflictkopie is niet te lezen
   *[other] { $copies } conflictkopieën zijn niet te lezen
} (`runaround list` noemt ze)
