-- GET $BENCH_PATH with the API key (trend read of the 100-session pair, or the caseload of the 200-pair therapist).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = os.getenv("BENCH_PATH")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")
function response(status) if status ~= 200 then bad = bad + 1 end end
