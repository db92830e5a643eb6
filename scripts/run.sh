#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Build, then run the server (127.0.0.1:3000; SQLite under ${SCOLA_DATA_DIR:-./data},
# demo school seeded on first start). Arguments go to the server.
set -euo pipefail
source "$(dirname "$0")/env.sh"

scripts/build.sh
# Plain http on 127.0.0.1: the session cookie cannot be Secure (production keeps the default, on).
export SCOLA_HTTPS="${SCOLA_HTTPS:-0}"
exec target/release/server "$@"
