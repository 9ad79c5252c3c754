-- wrk: readers through Varnish. Each connection asks for the paths given after `--` in turn;
-- at the end one line of figures for the test to read (wrk's own summary is printed too).
local paths = {}
local turn = 0

function init(args)
  for i = 1, #args do
    paths[i] = args[i]
  end
end

function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "figures requests=%d seconds=%.3f status_errors=%d connect=%d read=%d write=%d timeout=%d"
      .. " p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, errors.status, errors.connect, errors.read,
    errors.write, errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000
  ))
end
