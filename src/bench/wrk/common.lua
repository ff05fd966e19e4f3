-- Shared by the wrk scripts: threads get ids, and done() writes a JSON result to $BENCH_OUT.
-- Optional pacing: $BENCH_DELAY_MS is a think time per connection after each response (a way to run
-- below peak with wrk, which has no rate option; the achieved rate is measured, not assumed).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if delay_ms > 0 then
  function delay() return delay_ms end
end

bad = 0
function count_status(status)
  if status >= 400 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local e = summary.errors
  local status_errors = 0
  for _, t in ipairs(threads) do status_errors = status_errors + (t:get("bad") or 0) end
  local secs = summary.duration / 1e6
  local out = string.format(
    '{"requests":%d,"duration_s":%.3f,"throughput_rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"mean_ms":%.2f,"errors":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,' ..
    '"errors_timeout":%d,"errors_status":%d}',
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status)
  local path = os.getenv("BENCH_OUT")
  if path then
    local f = io.open(path, "w"); f:write(out .. "\n"); f:close()
  end
  io.write(out .. "\n")
end
