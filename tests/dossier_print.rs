//! The HTML dossier printed by a real browser: headless Chromium prints the demo's cases to
//! PDF on A4, and `pdftotext` reads the pages back: the sections are there, each from the top
//! of a page, in the reader's language, with the case's own words; nothing was fetched. Skipped
//! (and said so) where Chromium or poppler is not installed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

use runaround::export::html;
use runaround::i18n::Lang;
use runaround::rules::load::Packs;

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| have(c))
}

/// Prints `page` to a PDF with headless Chromium, and returns the text of each of its pages.
fn print(browser: &str, dir: &Path, page: &str) -> Vec<String> {
    let file = dir.join("dossier.html");
    std::fs::write(&file, page).unwrap();
    let pdf = dir.join("dossier.pdf");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", file.display()))
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(info.contains("(A4)"), "{info}");
    (1..=pages)
        .map(|n| {
            let out = Command::new("pdftotext")
                .args(["-layout", "-f", &n.to_string(), "-l", &n.to_string()])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap()
        })
        .collect()
}

/// The first words of a page.
fn top(page: &str) -> &str {
    page.trim_start()
}

#[test]
fn chromium_prints_the_dossier_on_a4_a_section_to_a_page() {
    let Some(browser) = chromium() else {
        println!("SKIPPED: no chromium");
        return;
    };
    if !have("pdftotext") || !have("pdfinfo") {
        println!("SKIPPED: no pdftotext (poppler-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let packs = Packs::built_in();
    for (lang, headings) in [
        (
            Lang::Nl,
            [
                "Samenvatting",
                "Schriftelijke klachten en reacties",
                "Beloften gedaan, nagekomen en gebroken",
                "Ontvankelijkheid",
                "Tijdlijn",
                "Bewijs",
            ],
        ),
        (
            Lang::Fr,
            [
                "Résumé",
                "Réclamations écrites et réponses",
                "Promesses faites, tenues et non tenues",
                "Recevabilité",
                "Chronologie",
                "Pièces",
            ],
        ),
    ] {
        // The demo journal of the language, its first case.
        let cases = runaround::demo::cases_in(lang, common::now()).unwrap();
        let case = &cases[0];
        let page = {
            let _scope = lang.scope();
            html::dossier_with(case, common::now(), None, &packs)
        };
        let pages = print(browser, dir.path(), &page);
        let all = pages.join("\n");
        let sections = page.matches("<section").count();
        // A section to a page (the summary shares the first page, the digest follows the notes),
        // and no section runs away with many pages.
        assert!(
            pages.len() >= sections - 2 && pages.len() <= sections + 6,
            "{lang:?}: {} pages for {sections} sections:\n{all}",
            pages.len()
        );
        // The title and the organisation are on the first page, with the summary.
        let title: String = case.title.chars().take(20).collect();
        assert!(pages[0].contains(&title), "{lang:?}: {}", pages[0]);
        assert!(
            pages[0].contains(&case.organisation),
            "{lang:?}: {}",
            pages[0]
        );
        assert!(pages[0].contains(headings[0]), "{lang:?}: {}", pages[0]);
        // Every later section starts a page of its own.
        for h in &headings[1..] {
            assert!(
                pages.iter().any(|p| top(p).starts_with(h)),
                "{lang:?}: no page starts with {h:?}:\n{all}"
            );
        }
        // The numbered evidence and the digest made it to paper.
        let annex = if lang == Lang::Nl {
            "Bijlage 1"
        } else {
            "Pièce n°"
        };
        assert!(all.contains(annex), "{lang:?}:\n{all}");
        assert!(all.contains("SHA-256"), "{lang:?}:\n{all}");
    }
}
