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

/// The README's example of `reminders run --config` is a working file: every
/// section parses, and with its variables set every gateway is built; a
/// variable left unset is named in the refusal.
#[test]
fn the_readme_example_of_the_reminders_config_works() {
    use remzona::domain::reminder::queue::GatewayKind;
    use remzona::reminders::config::ReminderConfig;
    use remzona::reminders::gateways::Timeouts;

    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a TOML example in the README");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("gateways.toml");
    std::fs::write(&file, example).expect("write");
    let config = ReminderConfig::read(&file).expect("the example parses");
    let variables = config.variables();
    assert_eq!(variables.len(), 4, "{variables:?}");
    let built = config
        .gateways_with(Timeouts::default(), &|_| Some("secret".to_owned()))
        .expect("every gateway is built");
    let kinds: Vec<GatewayKind> = built.iter().map(|g| g.kind()).collect();
    assert_eq!(
        kinds,
        [
            GatewayKind::Smtp,
            GatewayKind::Smsc,
            GatewayKind::SmsRu,
            GatewayKind::TelegramBot
        ]
    );
    let refused = config
        .gateways_with(Timeouts::default(), &|kind| {
            (kind != GatewayKind::Smsc).then(|| "secret".to_owned())
        })
        .err()
        .expect("SMSC without its password");
    assert!(
        refused.to_string().contains("REMZONA_SMSC_PASSWORD"),
        "{refused}"
    );
}
