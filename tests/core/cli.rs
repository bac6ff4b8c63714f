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

    let seeded = remzona(&db, &["seed", "--demo", "--count", "12"]);
    assert!(seeded.status.success(), "{seeded:?}");
    assert!(stdout(&seeded).contains("12"));
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
