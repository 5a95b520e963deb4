-- wrk script for bench/intake.sh: POST /api/complaints, every request a different complaint about a
-- different post (a new case, so a new process: the most work a complaint can cause), with the post
-- as one text evidence item. Counts the answers by status for the "none lost" check.
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local respondents = { "M100002", "M100003", "M100004", "M100005", "M100006" }
local threads = {}
local tid = 0

function setup(thread)
  thread:set("id", tid)
  tid = tid + 1
  table.insert(threads, thread)
end

function init(args)
  n = 0
  created = 0
  other = 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  n = n + 1
  local key = run .. "-" .. id .. "-" .. n
  local body = string.format('{"respondentMembershipNumber":"%s","conductDate":"2026-06-01","clauses":["harassment"],'
    .. '"allegation":"Complaint %s: replies under every post I made about the housing motion, calling me a liar.",'
    .. '"conductLink":"https://example.org/posts/%s","evidence":{"text":"Post %s: people like you have no place in'
    .. ' this party and should be thrown out.","threadContext":["Me: the housing motion passed","Them: not for long"],'
    .. '"attestPartyToExchange":true,"consent":{"noticeVersion":"evidence-consent-2026.1","purpose":"complaint-handling"}}}',
    respondents[(n % #respondents) + 1], key, key, key)
  return wrk.format("POST", "/api/complaints", headers, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("RESULT requests=%d created=%d other=%d seconds=%.2f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, c, o, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
