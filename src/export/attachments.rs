//! The attachments of a case in the dossier: each with its label, original name, size and
//! SHA-256, numbered as the exported bundle numbers their files.

use crate::domain::{Attachment, Case};
use crate::i18n::fmt;
use crate::t;

/// The live attachments of `case`, in the order the dossier and the bundle number them.
pub fn listed(case: &Case) -> Vec<&Attachment> {
    case.attachments.iter().filter(|a| a.is_live()).collect()
}

/// The Markdown section of the attachments ("" when there are none).
pub fn markdown_section(case: &Case) -> String {
    let listed = listed(case);
    if listed.is_empty() {
        return String::new();
    }
    let mut md = format!(
        "\n## {}\n\n{}\n\n",
        t!("attach-md-heading"),
        t!("attach-md-intro")
    );
    for (i, a) in listed.iter().enumerate() {
        let line = t!(
            "attach-md-line",
            n = (i + 1).to_string(),
            title = escape(a.title()),
            name = escape(&a.name),
            size = fmt::number(a.size)
        );
        md.push_str(&format!("{line}<br>SHA-256 `{}`\n", a.sha256));
    }
    md
}

/// Text of the user's as Markdown shows it literally: no emphasis, links, HTML or tables.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '(' | ')' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_user_wrote_is_no_markup() {
        assert_eq!(escape("<b>*x*</b>"), "&lt;b&gt;\\*x\\*&lt;/b&gt;");
        assert_eq!(escape("a|b"), "a\\|b");
    }
}
