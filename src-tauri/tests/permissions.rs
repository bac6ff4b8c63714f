//! Every command the UI can call must be listed in three places: the specta
//! builder (bindings), `build.rs` (its permission is generated) and the main
//! capability (the permission is granted). A command missing from one of them
//! fails at runtime only, so this test compares the lists.

use std::collections::BTreeSet;

fn quoted_names(text: &str, prefix: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter_map(|name| name.strip_prefix(prefix))
        .map(|name| name.replace('-', "_"))
        .collect()
}

#[test]
fn every_command_is_built_granted_and_bound() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |path: &str| std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_default();
    let build = read("build.rs");
    let listed = build
        .split("const APP_COMMANDS")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .map(|list| quoted_names(list, ""))
        .unwrap_or_default();
    let granted = quoted_names(&read("capabilities/main.json"), "allow-");
    let bindings = read("../ui/src/lib/api/bindings.ts");
    let bound: BTreeSet<String> = bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        .filter_map(|rest| {
            let (head, name) = rest.split_once("(\"")?;
            // `invoke<T>("name"` or `invoke("name"`: nothing else before the name.
            (!head.contains(['\n', ' '])).then(|| name.split('"').next())?
        })
        .map(str::to_owned)
        .collect();
    assert!(!listed.is_empty(), "no commands found in build.rs");
    assert_eq!(
        listed, granted,
        "build.rs and capabilities/main.json differ"
    );
    assert_eq!(listed, bound, "build.rs and the generated bindings differ");
}
