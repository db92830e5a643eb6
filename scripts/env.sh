# shellcheck shell=bash
# Sourced by every script in scripts/: one place for paths and PATH order.

# Tools live outside the clone: CI clones afresh each run but keeps the machine,
# so the 12-minute tool installs happen once per machine, not once per clone.
export SCOLA_TOOLS="${SCOLA_TOOLS:-$HOME/.cache/scola-tools}"

# Our bin dir must come first: Debian's /usr/bin/wasm-opt (binaryen 108) silently
# produces a blank page; trunk must find binaryen 116 from $SCOLA_TOOLS/bin.
case "$PATH" in
  "$SCOLA_TOOLS/bin:"*) ;;  # already first (env.sh sourced again by a nested script)
  *) export PATH="$SCOLA_TOOLS/bin:$PATH" ;;
esac
# rustup's cargo may be missing from PATH in non-login shells (CI runners).
if ! command -v cargo >/dev/null && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$PATH:$HOME/.cargo/bin"
fi

# Every path below (dist/, Trunk.toml, target/) is relative to the repo root.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || return 1

# Colours help humans; keep CI logs free of escape codes.
if [ -t 1 ]; then
  export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-always}"
fi
