//! The README promises which column headers an import accepts; this keeps the
//! promise true when the synonym table changes.

use remzona::import::HEADER_SYNONYMS;

#[test]
fn the_readme_lists_every_accepted_import_header() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    for (column, names) in HEADER_SYNONYMS {
        for name in *names {
            assert!(
                readme.contains(&format!("`{name}`")),
                "README.md does not list the header {name:?} of {column:?}"
            );
        }
    }
}
