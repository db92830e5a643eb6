#!/usr/bin/env bash
# Sizes of the built browser app (dist/), as table rows "| what | raw | gzip -9 | brotli 11 |":
# what a first visit downloads (page, style, script, main module), then each area module,
# downloaded when its area is first opened (scripts/app-wasm.sh cuts them).
# Usage: scripts/bench/sizes.sh [DIST]            the rows
#        scripts/bench/sizes.sh --first-visit [DIST]  the first visit's files, one a line
set -euo pipefail

list_only=false
if [ "${1:-}" = --first-visit ]; then list_only=true; shift; fi
dist="${1:-dist}"

if ! command -v brotli >/dev/null; then
  echo "brotli is needed to measure (apt-get install brotli)" >&2
  exit 1
fi

app_dirs=("$dist"/app-*/)
if [ ${#app_dirs[@]} -ne 1 ] || [ ! -f "${app_dirs[0]}app_bg.wasm" ]; then
  echo "expected one built app in $dist/app-*/ (trunk build --release)" >&2
  exit 1
fi
app="${app_dirs[0]%/}"

# The main module imports the loader (__wasm_split.js) at start, so it belongs to the first visit.
first_visit=("$dist/index.html" "$dist"/*.css "$app"/*.js "$app/app_bg.wasm")
if $list_only; then
  printf '%s\n' "${first_visit[@]}"
  exit 0
fi

sizes() {  # files... → "raw gzip brotli"
  local raw=0 gz=0 br=0 f
  for f in "$@"; do
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9c "$f" | wc -c)))
    br=$((br + $(brotli -q 11 -c "$f" | wc -c)))
  done
  echo "$raw $gz $br"
}
row() {  # label files...
  local label="$1"
  shift
  read -r raw gz br <<<"$(sizes "$@")"
  printf '| %s | %s | %s | %s |\n' "$label" "$raw" "$gz" "$br"
}

row "main module (wasm)" "$app/app_bg.wasm"
row "**first visit** (page, style, scripts, main module)" "${first_visit[@]}"
areas=()
for module in "$app"/*.wasm; do
  name="$(basename "$module" .wasm)"
  [ "$name" = app_bg ] && continue
  areas+=("$module")
  row "area module \`$name\` (on first opening)" "$module"
done
if [ ${#areas[@]} -gt 0 ]; then
  row "every area module" "${areas[@]}"
fi
