#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmarks: figures, never pass/fail. Generates region data (1 school and BENCH_SCHOOLS), runs
# the release server on it and loads it with wrk over loopback, on SQLite and on PostgreSQL:
#   (a) a plain axum route (the machine's ceiling), (b) sign-in, (c) a pupil's home page,
#   (d) a teacher's write, and sign-in while the home page is being read, (e) a pupil handing in
#   a 20-item exercise (scored by the server), (g) a pupil's list of sequences (parcours),
#   (h) a pupil's week in one call (`homework/my_week`: this week's timetable, changes included,
#   with the cahier de textes of its days and the homework due);
# (f) exercise scoring alone, natively and in wasm32;
# then measures the browser app (sizes raw/gzip/brotli of the first visit and of each area
# module, first load in headless Chromium).
# Prints the figures and writes them into BENCHMARKS.md between its markers.
# Settings: BENCH_SCHOOLS (50), BENCH_SECONDS (10 per run), BENCH_BACKENDS ("sqlite postgres"),
# SCOLA_BENCH_PG (postgres://postgres@127.0.0.1:5432), BENCH_HAND_INS (distinct attempts
# prepared for (e): 10,000 per second of load, more than the server hands in), BENCH_HOLIDAYS
# (the open-data holiday calendar the region's schools take their holidays from, zone A; without
# it, holidays shaped like zone A's).
set -euo pipefail
source "$(dirname "$0")/env.sh"

schools="${BENCH_SCHOOLS:-50}"
seconds="${BENCH_SECONDS:-10}"
backends="${BENCH_BACKENDS:-sqlite postgres}"
hand_ins="${BENCH_HAND_INS:-$((seconds * 10000))}"
pg_base="${SCOLA_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
work="$PWD/target/bench"
bin="${CARGO_TARGET_DIR:-$PWD/target}/release"
# Everything here is local plain http; the demo (its charter included) is seeded as by run.sh.
export SCOLA_HTTPS=0
port=3100
hello_port=3101
base="http://127.0.0.1:$port"
password="$(sed -n 's/^pub const PASSWORD: &str = "\(.*\)";/\1/p' server/src/generate/mod.rs)"
holidays="${BENCH_HOLIDAYS:-../shared/fixtures/school-calendar/vacances-scolaires-france-0.12.0/data.csv}"
holiday_args=()
if [ -f "$holidays" ]; then holiday_args=(--holidays "$holidays"); fi
# (h) the pupil's week: the server function and its JSON body, where {pupil} stands for the
# pupil's account id and {today} for today's date in Paris. A one-call "my week" replaces both
# (its endpoint, and '{}' or '{"day":"{today}"}').
week_endpoint="${BENCH_WEEK_ENDPOINT:-/api/homework/my_week}"
default_week_body='{"whom":{"pupil":{pupil}},"day":"{today}"}'
week_body="${BENCH_WEEK_BODY:-$default_week_body}"
mkdir -p "$work"

# Tools: wrk and brotli from Debian, the rest from setup.sh; release builds.
missing=()
for tool in wrk brotli python3 curl; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
scripts/setup.sh --browser
scripts/build.sh
cargo build --release -p server --example hello
cargo bench -p e2e --bench first_load --no-run

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

wait_http() {  # URL: waits up to 20 s for an answer
  for _ in $(seq 200); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  echo "no answer from $1; server log:" >&2
  cat "$work/server.log" >&2
  exit 1
}

# The database of a backend and scale: a URL (PostgreSQL, recreated) or a data dir (SQLite).
database() {  # backend scale
  if [ "$1" = postgres ]; then
    local name="scola_bench_$2"
    psql -q "$pg_base/postgres" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    echo "$pg_base/$name"
  else
    rm -rf "$work/sqlite-$2"
    echo ""
  fi
}

serve() {  # url dir
  DATABASE_URL="$1" SCOLA_DATA_DIR="$2" SCOLA_ADDR="127.0.0.1:$port" SCOLA_HTTPS=0 RUST_LOG=warn \
    "$bin/server" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_http "$base/healthz"
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

# Activated accounts of a profile, spread evenly over the whole region.
sample() {  # url dir profile count
  local sql="SELECT a.username FROM accounts a JOIN roles r ON r.account_id = a.id \
    WHERE r.profile = '$3' AND a.must_change_password = 0 AND a.charter_accepted IS NOT NULL \
    ORDER BY a.id"
  if [ -n "$1" ]; then
    psql -At "$1" -c "$sql"
  else
    python3 -c 'import sqlite3, sys
for (name,) in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(name)' \
      "$2/scola.db" "$sql"
  fi | awk -v want="$4" '{ all[NR] = $0 }
    END { step = NR / want; if (step < 1) step = 1
          for (i = 1; i <= NR && n < want; i += step) { print all[int(i)]; n++ } }'
}

# Runs SQL on the bench database, rows as tab-separated lines.
query() {  # url dir sql
  if [ -n "$1" ]; then
    psql -At -F $'\t' "$1" -c "$3"
  else
    python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(*row, sep="\t")' \
      "$2/scola.db" "$3"
  fi
}

# What (e) hands in: attempts in progress that may still be handed in, taken from the pupils
# with the most of them until
# there are `count`, their pupils signed in (the real sign-in, four at a time); writes
# "token<TAB>attempt<TAB>answers as saved" lines, one pupil after another in turn.
prepare_hand_ins() {  # url dir count work-file
  local now
  now=$(date +%s)
  query "$1" "$2" "SELECT a.username, t.id, t.response FROM attempts t \
    JOIN accounts a ON a.id = t.pupil_id JOIN assignments s ON s.id = t.assignment_id \
    WHERE t.submitted_at IS NULL AND s.opens_at <= $now AND (s.due_at IS NULL OR s.due_at > $now) \
    ORDER BY t.id" >"$work/open-attempts.txt"
  python3 - "$work/open-attempts.txt" "$3" "$work/hand-in-pupils.txt" <<'PY'
import collections, sys
by_pupil = collections.defaultdict(list)
for line in open(sys.argv[1]):
    login, attempt, response = line.rstrip("\n").split("\t")
    by_pupil[login].append(line)
want, taken = int(sys.argv[2]), 0
with open(sys.argv[3], "w") as out:
    for login in sorted(by_pupil, key=lambda l: (-len(by_pupil[l]), l)):
        if taken >= want:
            break
        out.write(login + "\n")
        taken += len(by_pupil[login])
PY
  python3 - "$base" "$password" "$work/hand-in-pupils.txt" >"$work/hand-in-tokens.txt" <<'PY'
import concurrent.futures, json, re, sys, urllib.request
base, password, logins = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().split()
def sign_in(login):
    body = json.dumps({"username": login, "password": password}).encode()
    request = urllib.request.Request(base + "/api/auth/login", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        for cookie in answer.headers.get_all("Set-Cookie") or []:
            found = re.match(r"scola_session=([^;]*)", cookie)
            if found:
                return login, found.group(1)
    return login, None
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    for login, token in pool.map(sign_in, logins):
        if token:
            print(f"{login}\t{token}")
PY
  python3 - "$work/open-attempts.txt" "$work/hand-in-tokens.txt" "$4" <<'PY'
import collections, itertools, sys
tokens = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[2]))
queues = collections.defaultdict(list)
for line in open(sys.argv[1]):
    login, attempt, response = line.rstrip("\n").split("\t")
    if login in tokens:
        queues[login].append(f"{tokens[login]}\t{attempt}\t{response}\n")
with open(sys.argv[3], "w") as out:
    for turn in itertools.zip_longest(*queues.values()):
        out.writelines(line for line in turn if line)
PY
  if [ ! -s "$4" ]; then echo "nothing to hand in; server log:" >&2; cat "$work/server.log" >&2; exit 1; fi
}

# "token<TAB>account id" of each sampled pupil signed in (logins and tokens in the same order).
pupil_ids() {  # url dir logins-file tokens-file
  local names
  names=$(sed "s/.*/'&'/" "$3" | paste -sd, -)
  query "$1" "$2" "SELECT username, id FROM accounts WHERE username IN ($names)" >"$work/pupil-id-map.txt"
  awk -F'\t' 'FILENAME == ARGV[1] { id[$1] = $2; next }
    FILENAME == ARGV[2] { login[FNR] = $0; next }
    { print $0 "\t" id[login[FNR]] }' "$work/pupil-id-map.txt" "$3" "$4"
}

# What (h) reads: the week of the first sampled pupil, its lessons counted.
week_sample() {  # pupil-ids-file today
  local token id body
  IFS=$'\t' read -r token id <"$1"
  body="${week_body//\{pupil\}/$id}"
  body="${body//\{today\}/$2}"
  curl -s -H 'Content-Type: application/json' -H "Cookie: scola_session=$token" \
    --data "$body" "$base$week_endpoint" |
    python3 -c 'import json, sys
raw = sys.stdin.buffer.read()
week = json.loads(raw)
# My week wraps the week with its cahier and homework; the timetable answers the week alone.
inner = week.get("week", week) if isinstance(week, dict) else {}
lessons = inner.get("lessons", []) if isinstance(inner, dict) else []
changed = sum(1 for l in lessons if l.get("occurrence", {}).get("status") != "normal")
entries, due = len(week.get("entries", [])), len(week.get("homework", []))
extra = f", {entries} entries, {due} homework" if "week" in week else ""
print(f"{sys.argv[1]}, {sys.argv[2]}: (h) the week read holds {len(lessons)} lessons, {changed} not as usual{extra}, {len(raw)} bytes of JSON")' \
      "$backend" "$data"
}

open_count() {  # url dir
  query "$1" "$2" "SELECT COUNT(*) FROM attempts WHERE submitted_at IS NULL"
}

# Signs each login in (the real sign-in) and writes the session tokens.
sign_in_all() {  # logins-file tokens-file
  while read -r login; do
    curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
      --data "{\"username\":\"$login\",\"password\":\"$password\"}" "$base/api/auth/login" |
      sed -n 's/^set-cookie: scola_session=\([^;]*\).*/\1/Ip'
  done <"$1" >"$2"
  if [ ! -s "$2" ]; then echo "no session opened; server log:" >&2; cat "$work/server.log" >&2; exit 1; fi
}

# wrk over loopback, one thread (the other core serves); prints "rps p50 p99 errors requests".
load() {  # mode connections url [VAR=value...]
  local mode="$1" connections="$2" url="$3"
  shift 3
  env BENCH_MODE="$mode" BENCH_PASSWORD="$password" "$@" \
    wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s -s scripts/bench/load.lua "$url" |
    awk '/^RESULT/ { print $2, $3, $4, $5, $6 }'
}

rows="$work/rows.txt"
: >"$rows"
row() {  # backend data what connections "rps p50 p99 errors requests"
  read -r rps p50 p99 errors requests <<<"$5"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$rps" "$p50" "$p99" "$errors" | tee -a "$rows"
  last_rps=$rps
}
calc() { awk "BEGIN { print $1 }"; }
ratios="$work/ratios.txt"
: >"$ratios"

"$bin/examples/hello" "127.0.0.1:$hello_port" &
pids+=("$!")
wait_http "http://127.0.0.1:$hello_port/"

for backend in $backends; do
  declare -A home_rps=() week_rps=()
  for scale in 1 "$schools"; do
    url="$(database "$backend" "$scale")"
    dir="$work/sqlite-$scale"
    # The attempts (e) hands in, at the scale it runs on.
    open_attempts=()
    if [ "$scale" = "$schools" ]; then open_attempts=(--open-attempts "$hand_ins"); fi
    started=$(date +%s.%N)
    DATABASE_URL="$url" SCOLA_DATA_DIR="$dir" RUST_LOG=warn \
      "$bin/server" generate --schools "$scale" --activated "${open_attempts[@]}" \
      "${holiday_args[@]}" 2>"$work/generate.log" | tee "$work/generated.txt"
    took=$(calc "$(date +%s.%N) - $started")
    printf '%s, %s school(s): generated in %.1f s — %s\n' "$backend" "$scale" "$took" "$(cat "$work/generated.txt")" >>"$ratios"
    serve "$url" "$dir"
    sample "$url" "$dir" pupil 200 >"$work/pupils.txt"
    sample "$url" "$dir" teacher 40 >"$work/teachers.txt"
    sign_in_all "$work/pupils.txt" "$work/pupil-tokens.txt"
    sign_in_all "$work/teachers.txt" "$work/teacher-tokens.txt"
    data="$scale school(s)"
    if [ "$scale" = "$schools" ]; then
      row "$backend" "-" "(a) plain axum hello" 64 "$(load get 64 "http://127.0.0.1:$hello_port/")"
      hello=$last_rps
    fi
    row "$backend" "$data" "(c) pupil home" 64 "$(load home 64 "$base" BENCH_TOKENS="$work/pupil-tokens.txt")"
    home_rps[$scale]=$last_rps
    pupil_ids "$url" "$dir" "$work/pupils.txt" "$work/pupil-tokens.txt" >"$work/pupil-ids.txt"
    row "$backend" "$data" "(g) pupil's sequences" 64 "$(load sequences 64 "$base" BENCH_PUPILS="$work/pupil-ids.txt")"
    today=$(TZ=Europe/Paris date +%F)
    week_load=(BENCH_PUPILS="$work/pupil-ids.txt" BENCH_WEEK_PATH="$week_endpoint"
      BENCH_WEEK_BODY="$week_body" BENCH_TODAY="$today")
    row "$backend" "$data" "(h) pupil's week" 64 "$(load week 64 "$base" "${week_load[@]}")"
    week_rps[$scale]=$last_rps
    week_sample "$work/pupil-ids.txt" "$today" >>"$ratios"
    if [ "$scale" = "$schools" ]; then
      row "$backend" "$data" "(b) sign-in alone" 8 "$(load login 8 "$base" BENCH_LOGINS="$work/pupils.txt")"
      row "$backend" "$data" "(d) teacher write (language)" 32 "$(load write 32 "$base" BENCH_TOKENS="$work/teacher-tokens.txt")"
      # (e) Handing in: each request a distinct attempt in progress; the database says how
      # many were scored (a request past the prepared ones would hand in again, answered
      # without scoring).
      prepare_hand_ins "$url" "$dir" "$hand_ins" "$work/hand-ins.txt"
      open_before=$(open_count "$url" "$dir")
      result=$(load hand_in 32 "$base" BENCH_WORK="$work/hand-ins.txt")
      row "$backend" "$data" "(e) pupil hands in 20 items" 32 "$result"
      scored=$((open_before - $(open_count "$url" "$dir")))
      printf '%s: (e) %s hand-ins scored of %s requests, over %s pupils and %s prepared attempts\n' \
        "$backend" "$scored" "$(awk '{ print $5 }' <<<"$result")" \
        "$(wc -l <"$work/hand-in-tokens.txt")" "$(wc -l <"$work/hand-ins.txt")" >>"$ratios"
      # Sign-in while the home page is read: two wrk at once.
      load home 32 "$base" BENCH_TOKENS="$work/pupil-tokens.txt" >"$work/mixed-home.txt" &
      reader=$!
      load login 8 "$base" BENCH_LOGINS="$work/pupils.txt" >"$work/mixed-login.txt"
      wait "$reader"
      row "$backend" "$data" "(b) sign-in under read load" 8 "$(cat "$work/mixed-login.txt")"
      row "$backend" "$data" "(c) pupil home under sign-ins" 32 "$(cat "$work/mixed-home.txt")"
      printf '%s: (c)/(a) = %.1f %%\n' "$backend" "$(calc "100 * ${home_rps[$scale]} / $hello")" >>"$ratios"
    fi
    stop_server
  done
  printf '%s: cost of the pupil home at %s schools / at 1 school = %.2f\n' "$backend" "$schools" \
    "$(calc "${home_rps[1]} / ${home_rps[$schools]}")" >>"$ratios"
  printf "%s: cost of the pupil's week at %s schools / at 1 school = %.2f\n" "$backend" "$schools" \
    "$(calc "${week_rps[1]} / ${week_rps[$schools]}")" >>"$ratios"
  unset home_rps week_rps
done

# The browser app: sizes of what a first visit downloads and of each area module
# (scripts/bench/sizes.sh), and its first load.
sizes="$work/sizes.txt"
{
  scripts/bench/sizes.sh dist
  mapfile -t first_visit < <(scripts/bench/sizes.sh --first-visit dist)
  # What the server really sends a browser accepting brotli on a first visit (precompressed
  # copies once the server has made them at start, on-the-fly compression for the page).
  serve "" "$work/sqlite-1"
  for _ in $(seq 600); do
    missing=0
    for f in "${first_visit[@]}"; do
      if [ "$f" != dist/index.html ] && [ ! -f "$f.br" ]; then missing=1; fi
    done
    if [ "$missing" = 0 ]; then break; fi
    sleep 0.1
  done
  sent=0
  for f in "${first_visit[@]}"; do
    path="${f#dist/}"; [ "$path" = index.html ] && path=""
    sent=$((sent + $(curl -s -H 'Accept-Encoding: br' "$base/$path" | wc -c)))
  done
  stop_server
  printf '| first visit as the server sends it (Accept-Encoding: br) | | | %s |\n' "$sent"
} >"$work/sizes.txt"
cat "$sizes"
first_load=$(cargo bench -q -p e2e --bench first_load -- 7 | tee "$work/first-load.txt" | awk '/^FIRST_LOAD/ { print $2 " ms median, " $3 " ms worst, of " $4 " loads" }')
echo "first load: $first_load"
# The same on a weak link (1.6 Mbit/s, 150 ms round trip): the size of the first visit decides.
slow_load=$(cargo bench -q -p e2e --bench first_load -- 5 slow | tee "$work/slow-load.txt" | awk '/^SLOW_LOAD/ { print $2 " ms median, " $3 " ms worst, of " $4 " loads" }')
echo "slow link: $slow_load"

# (f) Scoring alone, the one function both sides run: natively (the server) and compiled to
# wasm32 under node (the browser's build), release, on the 20-item fixture.
scoring_native=$(cargo test -q -p domain --release --lib exercise::tests::bench -- --ignored --nocapture |
  awk '/^SCORING/ { print $3 " µs" }')
scoring_wasm=$(CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p domain --target wasm32-unknown-unknown --release --lib exercise::tests::bench \
  -- --include-ignored --nocapture 2>&1 | awk '/^SCORING/ { print $3 " µs" }')
echo "scoring: native $scoring_native, wasm32 $scoring_wasm"

# BENCHMARKS.md: the figures between the markers are replaced, the prose around them kept.
{
  echo "<!-- figures:begin (written by scripts/bench.sh) -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + local changes'), \`BENCH_SCHOOLS=$schools BENCH_SECONDS=$seconds scripts/bench.sh\`."
  echo
  echo "| backend | data | request | connections | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|---|---|"
  cat "$rows"
  echo
  sed 's/^/- /' "$ratios"
  echo
  echo "| browser app | raw bytes | gzip -9 | brotli 11 |"
  echo "|---|---|---|---|"
  cat "$sizes"
  echo
  echo "- first load to an interactive sign-in form (empty cache, loopback, headless Chromium): $first_load"
  echo "- the same on a slow link (Chromium emulating 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip; goal ≤ 2 s): $slow_load"
  echo "- (f) scoring a 20-item exercise (\`domain::exercise::score\`, release build): native $scoring_native, wasm32 under node $scoring_wasm"
  echo "<!-- figures:end -->"
} >"$work/figures.md"
python3 - "$work/figures.md" <<'PY'
import re, sys
figures = open(sys.argv[1]).read().rstrip("\n")
text = open("BENCHMARKS.md").read()
pattern = re.compile(r"<!-- figures:begin.*?<!-- figures:end -->", re.S)
text = pattern.sub(lambda _: figures, text) if pattern.search(text) else text + "\n" + figures + "\n"
open("BENCHMARKS.md", "w").write(text)
PY
echo
cat "$work/figures.md"
