-- The one wrk script of scripts/bench.sh. BENCH_MODE picks what each request is:
--   get    GET of the path given to wrk (the plain axum ceiling)
--   home   a pupil's home page, POST /api/home, one session of BENCH_TOKENS after another
--   login  sign-in, POST /api/auth/login, one login of BENCH_LOGINS after another
--   write  a teacher's write, POST /api/auth/set_lang, with BENCH_TOKENS
--   sequences  a pupil's list of sequences, POST /api/sequences/assigned, one line of
--          BENCH_PUPILS ("token<TAB>account id") after another
--   week   a pupil's week, POST BENCH_WEEK_PATH with the body BENCH_WEEK_BODY, where {pupil}
--          stands for the account id and {today} for BENCH_TODAY, one line of BENCH_PUPILS
--          after another
--   hand_in  a pupil handing in, POST /api/exercises/hand_in: each request the next line of
--          BENCH_WORK ("token<TAB>attempt<TAB>answers"), from the first, never one twice
--          until all are used
-- done() prints one line the script reads:
--   RESULT <requests/s> <p50 ms> <p99 ms> <errors> <requests>
local mode = os.getenv("BENCH_MODE") or "get"
local week_path = os.getenv("BENCH_WEEK_PATH") or "/api/timetable/week"
local week_body = os.getenv("BENCH_WEEK_BODY") or ""
local today = os.getenv("BENCH_TODAY") or ""
local password = os.getenv("BENCH_PASSWORD") or ""
local tokens, logins, work, pupils, n = {}, {}, {}, {}, 0

local function lines(path)
  local t = {}
  if path then
    for l in io.lines(path) do
      if #l > 0 then t[#t + 1] = l end
    end
  end
  return t
end

function init(args)
  tokens = lines(os.getenv("BENCH_TOKENS"))
  logins = lines(os.getenv("BENCH_LOGINS"))
  for _, l in ipairs(lines(os.getenv("BENCH_WORK"))) do
    local token, attempt, answers = l:match("^([^\t]+)\t([^\t]+)\t(.+)$")
    work[#work + 1] = { token = token, body = '{"attempt":' .. attempt .. ',"response":' .. answers .. '}' }
  end
  for _, l in ipairs(lines(os.getenv("BENCH_PUPILS"))) do
    local token, id = l:match("^([^\t]+)\t(%d+)$")
    if token then
      -- gsub's second result (the count) left out.
      local week = (week_body:gsub("{pupil}", id):gsub("{today}", today))
      pupils[#pupils + 1] = { token = token, body = '{"pupil":' .. id .. '}', week = week }
    end
  end
  -- Threads and connections start at different sessions.
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  n = (mode == "hand_in") and 0 or math.random(1, 10007)
end

local function as(token)
  return { ["Content-Type"] = "application/json", ["Cookie"] = "scola_session=" .. token }
end

function request()
  n = n + 1
  if mode == "home" then
    return wrk.format("POST", "/api/home", as(tokens[n % #tokens + 1]), "{}")
  elseif mode == "write" then
    local lang = (n % 2 == 0) and "Fr" or "Co"
    return wrk.format("POST", "/api/auth/set_lang", as(tokens[n % #tokens + 1]),
      '{"lang":"' .. lang .. '"}')
  elseif mode == "sequences" then
    local p = pupils[n % #pupils + 1]
    return wrk.format("POST", "/api/sequences/assigned", as(p.token), p.body)
  elseif mode == "week" then
    local p = pupils[n % #pupils + 1]
    return wrk.format("POST", week_path, as(p.token), p.week)
  elseif mode == "hand_in" then
    local w = work[(n - 1) % #work + 1]
    return wrk.format("POST", "/api/exercises/hand_in", as(w.token), w.body)
  elseif mode == "login" then
    local body = '{"username":"' .. logins[n % #logins + 1] .. '","password":"' .. password .. '"}'
    return wrk.format("POST", "/api/auth/login", { ["Content-Type"] = "application/json" }, body)
  end
  return wrk.format("GET", wrk.path)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
