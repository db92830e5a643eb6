#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Trunk's post_build hook (Trunk.toml): builds the browser app's WebAssembly cut by area and
# starts it from index.html. Trunk keeps the style, public/ and index.html; it cannot split a
# module, so it no longer builds the Rust side itself. Every `trunk build` / `trunk serve`
# runs this, debug builds included (a lazy area of an unsplit module is a blank page).
#
#   cargo (app bin, wasm32, --emit-relocs) → wasm-split-cli (main module + one per area, and
#   __wasm_split.js, the loader) → wasm-bindgen --keep-lld-exports on the main module (the area
#   modules link against its exports) → wasm-opt -Oz on every module (release)
#
# The result goes to dist/app-<hash of every file>/: the loader fetches the areas beside itself,
# so a page only ever loads areas of its own build, and since the directory changes with any
# byte of it, everything inside may be cached for good (server/src/http.rs).
set -euo pipefail
source "$(dirname "$0")/env.sh"

stage="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook (see Trunk.toml)}"
public_url="${TRUNK_PUBLIC_URL:-/}"
case "$public_url" in */) ;; *) public_url="$public_url/" ;; esac
if [ "${TRUNK_PROFILE:-release}" = release ]; then
  profile=wasm-release profile_dir=wasm-release optimize=true
else
  profile=dev profile_dir=debug optimize=false
fi

target_dir="$(cargo metadata --format-version 1 --no-deps --offline |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
work="$target_dir/app-wasm"
rm -rf "$work"
mkdir -p "$work/split" "$work/out"
started=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - started) / 1000000 )) ms"; }

# --emit-relocs (for wasm-split) only on the final link. `erase_components` makes Leptos erase
# view types (AnyView) instead of generating code for each: ≈40 KB less brotli; it is
# documented for faster debug builds, and adopted in release because the browser tests pass
# on it (they run on this build).
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
cargo rustc -p app --bin app --target wasm32-unknown-unknown --no-default-features \
  --features csr --profile "$profile" --offline -- -C link-arg=--emit-relocs
echo "app-wasm: cargo done at $(elapsed)"

wasm-split-cli --out-name app "$target_dir/wasm32-unknown-unknown/$profile_dir/app.wasm" "$work/split"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$work/out" \
  --out-name app "$work/split/app.wasm"
cp "$work/split/__wasm_split.js" "$work/out/"
for module in "$work"/split/*.wasm; do
  [ "$(basename "$module")" = app.wasm ] || cp "$module" "$work/out/"
done
echo "app-wasm: split and bindgen done at $(elapsed)"

if $optimize; then
  # The features rustc's wasm32 target enables; binaryen 116 must accept them all.
  features=(--enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-reference-types --enable-multivalue)
  for module in "$work"/out/*.wasm; do
    wasm-opt -Oz "${features[@]}" --output "$module.opt" "$module"
    mv "$module.opt" "$module"
  done
  echo "app-wasm: wasm-opt done at $(elapsed)"
fi

if $optimize; then
  # Both scripts are in every first visit; their comments and indentation were ≈1.3 KB of it
  # after brotli. The generated JavaScript has comments only on lines of their own or as
  # `/* */` blocks, and no string spanning lines (checked: `node --check` when node is here,
  # and the browser tests load these very files).
  for script in "$work"/out/*.js; do
    perl -0pi -e 's{/\*.*?\*/\n?}{}gs; s{^[ \t]*//[^\n]*\n}{}mg; s{^[ \t]+}{}mg' "$script"
    if command -v node >/dev/null; then node --check "$script"; fi
  done
fi

build_id="$(cd "$work/out" && LC_ALL=C ls | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
dir="app-$build_id"
rm -rf "${stage:?}/$dir"
mv "$work/out" "$stage/$dir"

# The start script, inline (allowed by its hash in the CSP), with the main module and its
# WebAssembly fetched at once.
base="$public_url$dir"
start="<link rel=\"modulepreload\" href=\"$base/app.js\">"
start+="<link rel=\"preload\" href=\"$base/app_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">"
start+="<script type=\"module\">import init from \"$base/app.js\"; await init({ module_or_path: \"$base/app_bg.wasm\" });</script>"
# In place of app/index.html's `<link data-trunk rel="rust" data-trunk-skip>` (its quotes gone
# once Trunk has minified the page).
placeholder='<link[^>]*rel="\?rust"\?[^>]*>'
grep -q "$placeholder" "$stage/index.html"
sed -i "s#$placeholder#$start#" "$stage/index.html"

echo "app-wasm: $dir ($(cd "$stage/$dir" && ls | tr '\n' ' ')) in $(elapsed)"
