-- POST /api/v1/forms/{token}/responses with a fresh open assignment per request: tokens 'bench-<k>' made by
-- dataset.sql. Thread t of T takes k = $TOKEN_BASE + t + 1, + T, + 2T, ... so no token is used twice.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local base = tonumber(os.getenv("TOKEN_BASE") or "0")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local n = 0
local body = '{"answers":{"1":9.5,"2":9,"3":9,"4":8.5}}'
function request()
  local k = base + tid + 1 + n * nthreads
  n = n + 1
  return wrk.format("POST", "/api/v1/forms/bench-" .. k .. "/responses",
    { ["Content-Type"] = "application/json" }, body)
end
function response(status) if status ~= 201 then bad = bad + 1 end end
