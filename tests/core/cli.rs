//! The `remzona` binary as an operator or an install script runs it.

use std::path::Path;
use std::process::{Command, Output};

fn remzona(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_remzona"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("REMZONA_DB")
        .output()
        .expect("run remzona")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn migrate_seed_and_backup_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("nested").join("shop.sqlite3");

    let migrated = remzona(&db, &["migrate"]);
    assert!(migrated.status.success(), "{migrated:?}");
    assert!(stdout(&migrated).contains("schema"));

    let seeded = remzona(&db, &["seed", "--clients", "12", "--seed", "3"]);
    assert!(seeded.status.success(), "{seeded:?}");
    assert!(
        stdout(&seeded).contains("демо-клиентов: 12"),
        "{}",
        stdout(&seeded)
    );
    let again = remzona(&db, &["seed", "--demo"]);
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("уже есть клиенты (12)"),
        "{}",
        stdout(&again)
    );

    let copy = dir.path().join("copy.sqlite3");
    let backup = remzona(
        &db,
        &["backup", "--out", copy.to_str().expect("utf-8 path")],
    );
    assert!(backup.status.success(), "{backup:?}");
    assert!(copy.exists());
    let twice = remzona(
        &db,
        &["backup", "--out", copy.to_str().expect("utf-8 path")],
    );
    assert!(!twice.status.success());
    assert!(String::from_utf8_lossy(&twice.stderr).contains("already exists"));
}

#[test]
fn bad_arguments_explain_themselves_and_touch_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("shop.sqlite3");
    let output = remzona(&db, &["seed"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--demo"));
    assert!(
        !db.exists(),
        "a refused command must not create the database"
    );
}

#[test]
fn find_export_and_import_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("shop.sqlite3");
    assert!(remzona(&db, &["seed", "--clients", "30"]).status.success());

    let found = remzona(&db, &["find", "ООО"]);
    assert!(found.status.success(), "{found:?}");
    let text = stdout(&found);
    assert!(
        text.lines()
            .next()
            .is_some_and(|line| line.split('\t').count() == 5),
        "{text}"
    );
    assert!(text.contains("Найдено / found:"), "{text}");

    let out = dir.path().join("clients.xlsx");
    let exported = remzona(
        &db,
        &[
            "export",
            "clients",
            "--format",
            "xlsx",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert!(exported.status.success(), "{exported:?}");
    assert!(out.exists());

    // Importing the export into the same shop doubles nothing: every client is known.
    let again = remzona(&db, &["import", "clients", out.to_str().expect("utf-8")]);
    assert!(again.status.success(), "{again:?}");
    assert!(
        stdout(&again).contains("Загружено клиентов: 0"),
        "{}",
        stdout(&again)
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Фамилия;Телефон\nИванов;12-34\n").expect("write");
    let refused = remzona(&db, &["import", "clients", bad.to_str().expect("utf-8")]);
    assert!(!refused.status.success());
    let errors = String::from_utf8_lossy(&refused.stderr);
    assert!(errors.contains("строка 2"), "{errors}");
    assert!(errors.contains("Ничего не загружено"), "{errors}");
}
