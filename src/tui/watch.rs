//! Changes made to the journal by other processes, found by comparing file stamps, and told to
//! the app as the messages a read would give.

use std::collections::HashSet;

use crate::app::Msg;
use crate::storage::Stamp;

use super::executor::Executor;

impl Executor {
    /// Looks for case files created, changed or deleted elsewhere since last seen; when the
    /// directory itself did not change, only the files of the `selected` case and of the
    /// cases `named` by the file system's notifications (edited in place, perhaps) are
    /// looked at.
    pub fn watch(&mut self, selected: Option<&str>, named: &[String]) -> Vec<Msg> {
        let mut msgs = Vec::new();
        let dir_stamp = self.store().dir_stamp();
        let files: Vec<(String, Option<Stamp>)> = if dir_stamp == self.dir_stamp {
            let mut ids: Vec<&str> = selected.into_iter().collect();
            ids.extend(
                named
                    .iter()
                    .map(String::as_str)
                    .filter(|id| crate::storage::valid_id(id) && Some(*id) != selected),
            );
            ids.into_iter()
                .map(|id| (id.to_string(), self.store().stamp(id)))
                .collect()
        } else {
            self.dir_stamp = dir_stamp;
            let Ok(files) = self.store().stamps() else {
                return msgs;
            };
            let present: HashSet<&str> = files.iter().map(|(id, _)| id.as_str()).collect();
            let gone: Vec<String> = self
                .stamps
                .keys()
                .filter(|id| !present.contains(id.as_str()))
                .cloned()
                .collect();
            for id in gone {
                self.stamps.remove(&id);
                msgs.push(Msg::Gone(id));
            }
            files.into_iter().map(|(id, s)| (id, Some(s))).collect()
        };
        for (id, stamp) in files {
            if stamp.is_some()
                && stamp != self.stamps.get(&id).copied()
                && let Ok(entry) = self.store().load(&id)
            {
                msgs.push(self.opened(entry));
            }
        }
        msgs
    }
}
