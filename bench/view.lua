-- wrk script for bench/view.sh: GET /api/me/cases/{ref}, each request one of the member's cases at
-- random (refs from the file named by BENCH_REFS, one a line). With BENCH_PREFIX the path is that
-- prefix followed by the line (the floor: "/api/floor/view?bytes=" and the views' sizes).
local token = os.getenv("BENCH_TOKEN")
local prefix = os.getenv("BENCH_PREFIX") or "/api/me/cases/"
local refs = {}
for line in io.lines(os.getenv("BENCH_REFS")) do
  if line ~= "" then table.insert(refs, line) end
end
local threads = {}
local tid = 0

function setup(thread)
  thread:set("id", tid)
  tid = tid + 1
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  other = 0
  math.randomseed(os.time() + id * 7919)
  headers = { ["Authorization"] = "Bearer " .. token }
end

function request()
  return wrk.format("GET", prefix .. refs[math.random(#refs)], headers)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("ok")
    o = o + t:get("other")
  end
  io.write(string.format("RESULT requests=%d ok=%d other=%d seconds=%.2f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, c, o, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
