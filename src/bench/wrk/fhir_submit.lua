-- POST /fhir/QuestionnaireResponse completing a fresh open assignment per request: the same answers as submit.lua
-- ({"1":9.5,"2":9,"3":9,"4":8.5}) for the same dataset assignments, as a FHIR QuestionnaireResponse naming its Task
-- (the assignment) and Patient. $FHIR_TASKS is a file of "assignment-id client-id" lines (made by fhir.sh); thread
-- t of T takes lines t + 1, t + 1 + T, ... so no assignment is answered twice. The JSON is a request template of the
-- load generator; the service parses it with HAPI's strict parser and must answer 201.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local tasks = {}
for line in io.lines(os.getenv("FHIR_TASKS")) do
  local a, c = line:match("^(%S+)%s+(%S+)$")
  tasks[#tasks + 1] = { a, c }
end
local n = 0
local key = os.getenv("API_KEY")
function request()
  local t = tasks[tid + 1 + n * nthreads]
  n = n + 1
  local body = '{"resourceType":"QuestionnaireResponse","status":"completed",' ..
    '"basedOn":[{"reference":"Task/' .. t[1] .. '"}],' ..
    '"questionnaire":"urn:rapport:fhir:Questionnaire/session-rating-4|1.0.0",' ..
    '"subject":{"reference":"Patient/' .. t[2] .. '"},' ..
    '"item":[{"linkId":"1","answer":[{"valueDecimal":9.5}]},{"linkId":"2","answer":[{"valueDecimal":9}]},' ..
    '{"linkId":"3","answer":[{"valueDecimal":9}]},{"linkId":"4","answer":[{"valueDecimal":8.5}]}]}'
  return wrk.format("POST", "/fhir/QuestionnaireResponse",
    { ["Content-Type"] = "application/fhir+json", ["Accept"] = "application/fhir+json",
      ["Authorization"] = "Bearer " .. key }, body)
end
function response(status) if status ~= 201 then bad = bad + 1 end end
