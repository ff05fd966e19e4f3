-- POST /api/v1/sessions: each request a new client (so a new pair, session 1 and its assignments) of one of
-- the 1,000 dataset therapists.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local run = os.getenv("RUN_ID") or tostring(os.time())
local n = 0
function request()
  n = n + 1
  local c = run .. "-" .. tid .. "-" .. n
  local body = '{"clientId":"BC-' .. c .. '","therapistId":"T-' .. (n % 1000) ..
    '","occurredAt":"2026-11-20T15:00:00Z","encounterId":"BE-' .. c .. '"}'
  return wrk.format("POST", "/api/v1/sessions",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("API_KEY") }, body)
end
function response(status) if status ~= 201 then bad = bad + 1 end end
