# sync: fr — `runaround sync`, son pilote de fusion, et les copies en conflit des synchroniseurs
sync-summary = { $events_in ->
    [one] { $events_in } événement reçu
   *[other] { $events_in } événements reçus
}, { $events_out ->
    [one] { $events_out } envoyé
   *[other] { $events_out } envoyés
}, { $cases ->
    [one] { $cases } dossier fusionné
   *[other] { $cases } dossiers fusionnés
}
sync-no-git = git n’est pas installé : installez-le (p. ex. `apt install git`) pour synchroniser le journal
sync-not-repo = { $dir } n’est pas encore un dépôt git : `runaround sync --init REMOTE` en fait un
sync-merge-in-progress = une fusion git est en cours dans { $dir } : terminez-la (`git merge --continue`) ou annulez-la (`git merge --abort`), puis synchronisez à nouveau
sync-git-failed = `git { $what }` a échoué : { $reason }
sync-cannot-merge = impossible de fusionner { $files } : { $reason } ; rien n’a changé, le fichier est tel qu’il était
sync-push-rejected = les autres copies ont changé sans cesse pendant la synchronisation : synchronisez à nouveau
sync-unreadable = { $file } est illisible : { $reason }
sync-conflict-merged = la copie en conflit { $copy } a été fusionnée dans « { $title } » ({ $count ->
    [one] { $count } nouvel événement
   *[other] { $count } nouveaux événements
}) puis supprimée
sync-conflict-unreadable = la copie en conflit { $copy } est illisible, laissée telle quelle : { $reason }
sync-notice-merged = copie en conflit intégrée à « { $title } » (+{ $count ->
    [one] { $count } événement
   *[other] { $count } événements
})
sync-notice-merged-many = { $copies } copies en conflit intégrées (+{ $count ->
    [one] { $count } événement
   *[other] { $count } événements
})
sync-notice-mixed = copies en conflit : { $merged ->
    [one] { $merged } intégrée
   *[other] { $merged } intégrées
}, { $left ->
    [one] { $left } illisible
   *[other] { $left } illisibles
} (`runaround list` les nomme)
sync-notice-left = { $copies ->
    [one] une copie en conflit est illisible
   *[other] { $copies } copies en conflit sont illisibles
} (`runaround list` les nomme)
