-- A GET scenario. Every answer must be a 200: a 303 to /login (a lost session) would
-- count as a success for wrk alone, so this script tallies statuses itself.
-- Usage: wrk -s page.lua URL -- COOKIE
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, bad = 0, 0
  if args[1] and args[1] ~= "" then
    wrk.headers["Cookie"] = args[1]
  end
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local good, errors = 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    errors = errors + t:get("bad")
  end
  errors = errors + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d ok=%d conflicts=0 errors=%d rps=%.1f p50=%.2f p99=%.2f\n",
    summary.requests, good, errors, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
