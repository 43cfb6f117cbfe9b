# sync: en — `runaround sync`, its merge driver, and the conflict copies of file syncers
sync-summary = { $events_in ->
    [one] { $events_in } event
   *[other] { $events_in } events
} in, { $events_out } out, { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
} merged
sync-no-git = git is not installed: install it (e.g. `apt install git`) to sync the journal
sync-not-repo = { $dir } is not a git repository yet: `runaround sync --init REMOTE` makes it one
sync-merge-in-progress = a git merge is in progress in { $dir }: finish it (`git merge --continue`) or undo it (`git merge --abort`), then sync again
sync-git-failed = `git { $what }` failed: { $reason }
sync-cannot-merge = could not merge { $files }: { $reason }; nothing was changed, the file is as it was
sync-push-rejected = the other copies kept changing while this one synced: sync again
sync-unreadable = { $file } cannot be read: { $reason }
sync-conflict-merged = merged the conflict copy { $copy } into '{ $title }' ({ $count ->
    [one] { $count } event
   *[other] { $count } events
} new) and removed it
sync-conflict-unreadable = the conflict copy { $copy } cannot be read, left as it is: { $reason }
sync-notice-merged = conflict copy merged into '{ $title }' (+{ $count ->
    [one] { $count } event
   *[other] { $count } events
})
sync-notice-merged-many = { $copies } conflict copies merged (+{ $count ->
    [one] { $count } event
   *[other] { $count } events
})
sync-notice-mixed = conflict copies: { $merged } merged, { $left } unreadable (`runaround list` names them)
sync-notice-left = { $copies ->
    [one] a conflict copy cannot be read
   *[other] { $copies } conflict copies cannot be read
} (`runaround list` names them)
