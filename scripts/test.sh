#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The single "run every test" command (CI runs it through .ci/run).
# Fails fast; each step prints a banner so a log shows where it stopped.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# CI clones afresh each run but keeps the machine: like the tools, the compiled crates live
# outside the clone, so a run rebuilds what changed (cargo compares sources with what it built),
# not the hundreds of dependencies underneath. Bounded: past 40 GB it starts over.
if [ "${CI:-}" = true ] && [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="$HOME/.cache/scola-ci-target"
  if [ -d "$CARGO_TARGET_DIR" ] &&
    [ "$(du -s --block-size=1G "$CARGO_TARGET_DIR" | cut -f1)" -gt 40 ]; then
    rm -rf "$CARGO_TARGET_DIR"
  fi
fi

step_name="setup"
step() {
  step_name="$1"
  printf '\n==== %s ====\n' "$1"
}
# On any exit, say which step failed and how long the whole run took.
finish() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then printf '\n==== FAILED: %s (exit %s) ====\n' "$step_name" "$rc"; fi
  printf '==== total time: %dm%02ds ====\n' $((SECONDS / 60)) $((SECONDS % 60))
}
trap finish EXIT

step "setup (tools, Chromium, crates)"
scripts/setup.sh --browser

step "format"
cargo fmt --all -- --check

step "clippy: server side"
cargo clippy --workspace --exclude app --all-targets -- -D warnings
cargo clippy -p app --no-default-features --features ssr --all-targets -- -D warnings
cargo clippy -p domain --all-features --all-targets -- -D warnings

step "clippy: browser (wasm32)"
cargo clippy -p app --target wasm32-unknown-unknown --no-default-features --features csr -- -D warnings
cargo clippy -p domain --target wasm32-unknown-unknown -- -D warnings

# The scoring and the text rules pupils see in the browser are compiled to wasm32 there: the
# same tests run on that build (under node), so both sides are proven to agree.
step "domain on wasm32 (exercise scoring as the browser runs it)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p domain --target wasm32-unknown-unknown --lib exercise

# The e2e tests serve dist/, so it must be built from this tree before they run: the release
# build, split by area (Trunk's post_build hook, scripts/app-wasm.sh), as users get it.
step "browser app (trunk build --release, split by area)"
trunk build --release

# SCOLA_TEST_DATABASE_URL would switch the tests to PostgreSQL; this pass is SQLite.
step "tests on SQLite (incl. e2e in Chromium)"
env -u SCOLA_TEST_DATABASE_URL cargo test --workspace --exclude app
env -u SCOLA_TEST_DATABASE_URL cargo test -p app --no-default-features --features ssr

# The workspace pass builds domain with the server's features, so the Markdown renderer ran with
# its sanitizer there; built alone, it runs on its first wall only, as in the browser.
step "Markdown without the sanitizer (as the browser runs it); exercise exchange formats"
cargo test -p domain markdown
# The importers (feature `exchange`) are not yet switched on by the server: test them here.
cargo test -p domain --features exchange exchange

step "tests on PostgreSQL"
export SCOLA_TEST_PG_URL="${SCOLA_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
if pg_isready -q -t 5 -d "$SCOLA_TEST_PG_URL"; then
  SCOLA_TEST_DATABASE_URL="$SCOLA_TEST_PG_URL" cargo test -p server --tests
elif [ "${CI:-}" = true ]; then
  # CI must prove both backends work; a silent skip would hide a broken one.
  echo "ERROR: PostgreSQL unreachable at $SCOLA_TEST_PG_URL and CI=true" >&2
  echo "  (if stopped: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)" >&2
  exit 1
else
  echo "WARNING: PostgreSQL unreachable at $SCOLA_TEST_PG_URL; skipping the PostgreSQL pass" >&2
fi

step_name="done"
printf '\n==== all tests passed ====\n'
