//! `import`: the cases of a JSON document (one case, or an array of them) into the journal,
//! streamed, so that a document of any size is read in the memory of one case.
//!
//! A bad case anywhere in the document means nothing is imported, so the document is read
//! twice. The first pass reads and checks every case and keeps nothing; only when all of them
//! passed does the second read them again and write each as it comes (atomically, as any new
//! case is written; an id the journal has already is skipped with a warning). A regular file
//! is read twice from where it began; one that changed in between is refused. What cannot be
//! read twice (a pipe, a terminal) is copied during the first pass into an unnamed temp file
//! (0600, gone when the command ends), and the second pass reads the copy.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::time::SystemTime;

use super::{CliError, attach};
use crate::domain::Case;
use crate::export::json::{self, ImportError};
use crate::storage::{StorageError, Store};
use crate::t;

/// `import FILE` (`-`: standard input): the ids imported, one a line.
pub fn import(store: &Store, file: &str) -> Result<String, CliError> {
    let cannot = |e: std::io::Error| CliError::Failed(format!("{file}: {e}"));
    let opened = if file == "-" {
        use std::os::fd::AsFd;
        std::io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .map(File::from)
    } else {
        File::open(file)
    };
    let mut input = Input::new(opened.map_err(cannot)?).map_err(cannot)?;
    import_from(store, file, &mut input)
}

/// A document read twice: once to check it, once to import it.
trait Twice {
    /// The document, for the first pass.
    fn first(&mut self) -> Box<dyn Read + '_>;
    /// The same document again, from its beginning; an error when it cannot be the same.
    fn again(&mut self, file: &str) -> Result<Box<dyn Read + '_>, CliError>;
}

/// What stopped a pass.
enum Stop {
    /// The document, or a case in it, is refused.
    Document(ImportError),
    /// A case holds a time that cannot be stored.
    Case(CliError),
    /// Saving a case failed.
    Storage(StorageError),
}

impl From<ImportError> for Stop {
    fn from(e: ImportError) -> Self {
        Stop::Document(e)
    }
}

/// The two passes over `input` (named `file` in messages).
fn import_from(store: &Store, file: &str, input: &mut impl Twice) -> Result<String, CliError> {
    let refused = |stop: Stop| match stop {
        Stop::Document(ImportError::Read(e)) => CliError::Failed(format!("{file}: {e}")),
        Stop::Document(e) => {
            CliError::Failed(t!("cli-import-failed", file = file, error = e.to_string()))
        }
        Stop::Case(e) => e,
        Stop::Storage(e) => e.into(),
    };
    // Every case is checked; none is kept.
    json::read_import(input.first(), |index, case| checked(file, index, &case)).map_err(refused)?;

    let mut out = String::new();
    let imported = json::read_import(input.again(file)?, |index, case| {
        checked(file, index, &case)?;
        match store.insert(&case) {
            Ok(()) => {
                out.push_str(&format!("{}\n", case.id));
                attach::warn_missing(store, &case);
            }
            Err(StorageError::Exists(id)) => {
                let warning = t!("cli-import-exists", id = id.as_str());
                eprintln!("{}", t!("cli-warning", text = warning));
            }
            Err(e) => return Err(Stop::Storage(e)),
        }
        Ok(())
    });
    match imported {
        Ok(()) => Ok(out),
        Err(Stop::Storage(e)) => Err(e.into()),
        // It was sound a moment ago: what it says now is not what was checked.
        Err(Stop::Document(e)) => Err(CliError::Failed(t!(
            "import-changed-midway",
            file = file,
            error = e.to_string()
        ))),
        Err(Stop::Case(e)) => Err(CliError::Failed(t!(
            "import-changed-midway",
            file = file,
            error = e.message()
        ))),
    }
}

/// Case `index` of the document, checked for what the JSON checks leave: its times must be
/// ones a case file can hold.
fn checked(file: &str, index: usize, case: &Case) -> Result<(), Stop> {
    crate::storage::format::check_times(case).map_err(|e| {
        Stop::Case(CliError::Failed(t!(
            "cli-import-case-failed",
            file = file,
            number = index,
            id = case.id.as_str(),
            error = e.as_str()
        )))
    })
}

/// The document's file, and how to read it a second time.
enum Input {
    /// A regular file, read again from where it began (standard input may be a file opened
    /// at some offset), if its size and modification time are still what they were.
    Regular {
        file: File,
        start: u64,
        seen: (u64, Option<SystemTime>),
    },
    /// A pipe or terminal: what the first pass reads is copied into `copy`.
    Stream { from: File, copy: File },
}

impl Input {
    fn new(file: File) -> std::io::Result<Input> {
        let meta = file.metadata()?;
        if meta.is_file() {
            let start = (&file).stream_position()?;
            Ok(Input::Regular {
                file,
                start,
                seen: (meta.len(), meta.modified().ok()),
            })
        } else {
            let copy = tempfile::tempfile()?;
            Ok(Input::Stream { from: file, copy })
        }
    }
}

impl Twice for Input {
    fn first(&mut self) -> Box<dyn Read + '_> {
        match self {
            Input::Regular { file, .. } => Box::new(&*file),
            Input::Stream { from, copy } => Box::new(Copying { from, to: copy }),
        }
    }

    fn again(&mut self, file: &str) -> Result<Box<dyn Read + '_>, CliError> {
        let cannot = |e: std::io::Error| CliError::Failed(format!("{file}: {e}"));
        match self {
            Input::Regular {
                file: f,
                start,
                seen,
            } => {
                let meta = f.metadata().map_err(cannot)?;
                if (meta.len(), meta.modified().ok()) != *seen {
                    return Err(CliError::Failed(t!("import-changed", file = file)));
                }
                (&*f).seek(SeekFrom::Start(*start)).map_err(cannot)?;
                Ok(Box::new(&*f))
            }
            Input::Stream { copy, .. } => {
                copy.seek(SeekFrom::Start(0)).map_err(cannot)?;
                Ok(Box::new(&*copy))
            }
        }
    }
}

/// Reads `from`, writing what it reads to `to`.
struct Copying<'a> {
    from: &'a File,
    to: &'a File,
}

impl Read for Copying<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.from.read(buf)?;
        self.to.write_all(&buf[..n]).map_err(|e| {
            // Not the document's fault: the copy of it could not be kept.
            let temp = std::env::temp_dir();
            std::io::Error::new(e.kind(), format!("{}: {e}", temp.display()))
        })?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document that reads as `first` the first time and `second` the next.
    struct Changing {
        first: String,
        second: String,
    }

    impl Twice for Changing {
        fn first(&mut self) -> Box<dyn Read + '_> {
            Box::new(self.first.as_bytes())
        }

        fn again(&mut self, _: &str) -> Result<Box<dyn Read + '_>, CliError> {
            Ok(Box::new(self.second.as_bytes()))
        }
    }

    const ONE: &str =
        r#"{"id": "one", "title": "t", "organisation": "o", "opened": "2013-08-16T16:00:00Z"}"#;
    const TWO: &str =
        r#"{"id": "two", "title": "t", "organisation": "o", "opened": "2013-08-16T16:00:00Z"}"#;

    #[test]
    fn a_document_that_changes_between_the_passes_stops_the_import_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let first = format!("[{ONE}, {TWO}]");
        let second = format!("[{ONE}, {{\"id\": \"two\"}}]");
        let mut doc = Changing {
            first: first.clone(),
            second,
        };
        let e = import_from(&store, "x.json", &mut doc).unwrap_err();
        assert!(
            e.message()
                .contains("x.json changed while it was being imported")
                && e.message().contains("case 2 (id 'two')")
                && !e.message().contains("nothing was imported"),
            "{}",
            e.message()
        );
        assert_eq!(store.ids().unwrap(), vec!["one"]);

        // The same document twice imports both.
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut doc = Changing {
            first: first.clone(),
            second: first,
        };
        assert_eq!(
            import_from(&store, "x.json", &mut doc).unwrap(),
            "one\ntwo\n"
        );
    }

    #[test]
    fn a_file_changed_after_the_first_pass_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, format!("[{ONE}]")).unwrap();
        let mut input = Input::new(File::open(&path).unwrap()).unwrap();
        let mut text = String::new();
        input.first().read_to_string(&mut text).unwrap();
        assert!(input.again("x.json").is_ok(), "unchanged");
        std::fs::write(&path, format!("[{ONE}, {TWO}]")).unwrap();
        let Err(e) = input.again("x.json") else {
            panic!("a changed file was read again");
        };
        assert!(
            e.message()
                .contains("x.json changed while it was being read")
                && e.message().contains("nothing was imported"),
            "{}",
            e.message()
        );
    }

    #[test]
    fn a_stream_is_read_again_from_its_copy() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        let doc = format!("[{ONE}, {TWO}]");
        writer.write_all(doc.as_bytes()).unwrap();
        drop(writer);
        let mut input = Input::new(File::from(std::os::fd::OwnedFd::from(reader))).unwrap();
        assert!(matches!(input, Input::Stream { .. }));
        let mut first = String::new();
        input.first().read_to_string(&mut first).unwrap();
        let mut second = String::new();
        input
            .again("-")
            .unwrap()
            .read_to_string(&mut second)
            .unwrap();
        assert_eq!(
            (first.as_str(), second.as_str()),
            (doc.as_str(), doc.as_str())
        );
    }
}
