-- wrk script for bench/run.py: reports one JSON line (prefixed BENCH_JSON) when done.
-- With BENCH_POST_BODY set it posts that form-encoded body instead of getting the URL, each
-- request with "BENCHN" replaced by a marker of its own (fresh names and messages, as visitors
-- send), and the Origin of BENCH_ORIGIN as a browser would.
local body = os.getenv("BENCH_POST_BODY")
local threads, counter = 0, 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

if body then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
  function request()
    counter = counter + 1
    return wrk.format(nil, nil, nil, (body:gsub("BENCHN", tid .. "x" .. counter)))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
