#!/usr/bin/env bash
# Builds Remzona and starts it. Installs what the machine is missing first.
#
#   scripts/start.sh                 the app, on the database in your data folder
#   scripts/start.sh --demo          the same, filled with demo clients when empty
#   scripts/start.sh --db FILE ...   another database file (any app options pass through)
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
cd "$REPO_ROOT"

demo=0
app_args=()
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then demo=1; else app_args+=("$arg"); fi
done

ensure_system_packages
ensure_rust
ensure_node
ensure_ui_packages
build_ui
say "Building the app (the first build takes several minutes)"
cargo build -p remzona -p remzona-desktop --bins

if [ "$demo" = 1 ]; then
  # Same database the app will open: --db when given, else REMZONA_DB, else the data folder.
  db_args=()
  for ((i = 0; i < ${#app_args[@]}; i++)); do
    if [ "${app_args[$i]}" = "--db" ]; then db_args=(--db "${app_args[$((i + 1))]}"); fi
  done
  target/debug/remzona "${db_args[@]}" seed --demo
fi

if [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  say "No display found: starting on a virtual one (Xvfb :99)"
  Xvfb :99 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  export DISPLAY=:99
  sleep 1
fi
say "Starting Remzona"
exec target/debug/remzona-desktop "${app_args[@]}"
