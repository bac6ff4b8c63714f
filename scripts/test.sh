#!/usr/bin/env bash
# Runs every check and test: formatting, lints, the bindings-fresh check, Rust
# unit and integration tests, the UI's type check and unit tests, and the
# end-to-end tests that drive the built app under Xvfb. Installs what is missing.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
cd "$REPO_ROOT"
started=$SECONDS
step() { say "$* (at $((SECONDS - started)) s)"; }

ensure_system_packages --for-tests
ensure_rust
ensure_node
ensure_ui_packages
ensure_tauri_driver

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

log_dir="$(mktemp -d)"
trap 'rm -rf "$log_dir"' EXIT

step "UI: type check, unit tests, build"
(cd ui && npm run --silent check && npm test --silent | tee "$log_dir/ui.log" && npm run --silent build)

step "Lints (clippy, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

# One cargo invocation for everything, so features unify once and the app
# binary the end-to-end tests drive is built by the same run. The e2e tests
# need a display and a session bus for notifications: Xvfb provides the first,
# the harness starts a bus per app run.
step "Rust tests: unit, integration, bindings, end-to-end"
xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace --locked 2>&1 | tee "$log_dir/rust.log"

# One closing line for the whole run: Rust tests plus the UI's vitest tests.
rust_passed=$(grep -o '^test result: ok\. [0-9]* passed' "$log_dir/rust.log" | awk '{s += $4} END {print s + 0}')
ui_passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log_dir/ui.log" | grep -oE '^ *Tests +[0-9]+ passed' | awk '{print $2}' | tail -1)
step "All tests passed: Rust ${rust_passed}, UI ${ui_passed:-0}"
echo "$((rust_passed + ${ui_passed:-0})) passed, 0 failed"
