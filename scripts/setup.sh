#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs what a build needs; every step is skipped when already satisfied,
# so a rerun on a prepared machine takes seconds.
# Usage: scripts/setup.sh [--browser]   (--browser: also Chromium + chromedriver)
set -euo pipefail
source "$(dirname "$0")/env.sh"

browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) browser=true ;;
    *) echo "usage: $0 [--browser]" >&2; exit 2 ;;
  esac
done

# build.sh and test.sh may run at once; two cargo installs of one tool would race.
mkdir -p "$SCOLA_TOOLS/bin"
exec 9>"$SCOLA_TOOLS/.setup.lock"
flock 9

# True when `$1 --version` starts with $2 (the version trunk and Cargo.lock expect).
has_version() {
  local out
  out="$("$1" --version 2>/dev/null || true)"
  [[ "$out" == "$2" || "$out" == "$2 "* ]]
}

# Captured first, not piped into grep -q: an early grep exit would SIGPIPE rustup
# and, under pipefail, look like "not installed".
targets="$(rustup target list --installed)"
if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
  rustup target add wasm32-unknown-unknown
fi

# trunk 0.22 needs a newer rustc than ours: pin 0.21.14.
if ! has_version trunk "trunk 0.21.14"; then
  cargo install trunk --version 0.21.14 --locked --force --root "$SCOLA_TOOLS"
fi
# Must equal the wasm-bindgen in Cargo.lock. No --locked: its lockfile pins a
# crate version the registry no longer has.
if ! has_version wasm-bindgen "wasm-bindgen 0.2.130"; then
  cargo install wasm-bindgen-cli --version 0.2.130 --force --root "$SCOLA_TOOLS"
fi
# Crate 0.116.1 is binaryen 116 (Trunk.toml pins version_116); the text after
# "116" depends on how it was built, so only the prefix is compared.
if ! has_version wasm-opt "wasm-opt version 116"; then
  cargo install wasm-opt --version 0.116.1 --locked --force --root "$SCOLA_TOOLS"
fi

# Cuts the app's WebAssembly into one module per area (scripts/app-wasm.sh). It has no
# --version: cargo's install record says which version is there. 0.2.4 splits
# deterministically (the same input gives the same modules, hence the same build id).
if [ ! -x "$SCOLA_TOOLS/bin/wasm-split-cli" ] ||
  ! grep -q '^"wasm_split_cli_support 0.2.4 ' "$SCOLA_TOOLS/.crates.toml" 2>/dev/null; then
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked --force \
    --root "$SCOLA_TOOLS"
fi

# Debian's Chromium: the browser downloads of test tools fail on this network. Node runs the
# domain's tests compiled to wasm32 (wasm-bindgen-test-runner).
if $browser && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] ||
  ! command -v node >/dev/null; }; then
  sudo=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo=(sudo); fi
  # update first, or apt offers a stale Chromium.
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  command -v node >/dev/null ||
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs
fi

# Trunk.toml says offline = true (trunk runs `cargo build --offline`), so every
# crate, wasm32 ones included, must be in the cache beforehand.
if [ -f Cargo.lock ]; then
  cargo fetch --locked
else
  cargo fetch
fi
