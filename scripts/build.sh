#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Release build: browser app into dist/ (Trunk, which runs scripts/app-wasm.sh to build the
# WebAssembly split by area), then the server binary.
set -euo pipefail
source "$(dirname "$0")/env.sh"

scripts/setup.sh

# Skip trunk when nothing it reads changed since dist/index.html was written
# (trunk writes it last, on success only). Cargo.toml holds the wasm-release profile.
inputs=()
for p in app domain style public Cargo.lock Cargo.toml Trunk.toml scripts/app-wasm.sh; do
  if [ -e "$p" ]; then inputs+=("$p"); fi
done
if [ -f dist/index.html ] && [ -z "$(find "${inputs[@]}" -newer dist/index.html -print -quit)" ]; then
  echo "dist/ is up to date; skipping trunk"
else
  trunk build --release  # Trunk.toml: release, offline, dist = "dist"
fi

cargo build --release -p server
