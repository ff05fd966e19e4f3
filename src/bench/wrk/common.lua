-- Shared by the wrk scripts: threads get ids, and done() writes a JSON result to $BENCH_OUT.
-- Optional pacing: $BENCH_RATE requests per second in all, spread evenly over the threads. Each thread sends on
-- a fixed schedule (LuaJIT's ffi reads the monotonic clock), whichever of its connections is free; a connection
-- still waiting for its answer delays only itself. Behind schedule, requests go out at once (at most 1 s of
-- backlog is caught up). The achieved rate is measured, not assumed.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local rate = tonumber(os.getenv("BENCH_RATE") or "0")
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clk_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval = 1000 * tonumber(os.getenv("BENCH_THREADS") or "2") / rate
  local next_ms = nil
  function delay()
    local now = now_ms()
    if next_ms == nil or next_ms < now - 1000 then next_ms = now end
    local wait = next_ms - now
    next_ms = next_ms + interval
    return wait > 0 and math.floor(wait) or 0
  end
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
