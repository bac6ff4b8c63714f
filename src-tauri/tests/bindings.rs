//! The committed TypeScript bindings must be exactly what the Rust types
//! generate. `UPDATE_BINDINGS=1 cargo test -p remzona-desktop --test bindings`
//! rewrites them after a change to a command or an IPC type.

use std::path::PathBuf;

#[test]
fn committed_bindings_are_fresh() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/bindings.ts");
    let dir = tempfile::tempdir().expect("temp dir");
    let generated = dir.path().join("bindings.ts");
    remzona_desktop::specta_builder()
        .export(remzona_desktop::typescript(), &generated)
        .expect("export bindings");
    let fresh = std::fs::read_to_string(&generated).expect("read generated bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &fresh).expect("write bindings");
        return;
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/lib/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p remzona-desktop --test bindings` and commit it"
    );
}
