-- wrk script: POST /api/v1/documents registering incoming letters into the journals listed in targets.txt
-- (one "organizationId journalId correspondentId" per line), round robin. Reports p95 at the end.
local targets = {}
local token = os.getenv("OBOROT_TOKEN")
local file = io.open(os.getenv("OBOROT_TARGETS") or "targets.txt")
for line in file:lines() do
  local org, journal, correspondent = line:match("(%S+)%s+(%S+)%s+(%S+)")
  if org then table.insert(targets, {org, journal, correspondent}) end
end
file:close()
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local t = targets[(counter % #targets) + 1]
  local body = string.format(
    '{"organizationId":"%s","kind":"incoming","title":"Нагрузочное письмо %d","correspondentId":"%s","correspondentNumber":"%d/1","correspondentDate":"2026-01-10","deliveryMethod":"post","registerIn":"%s"}',
    t[1], counter, t[3], counter, t[2])
  return wrk.format(nil, "/api/v1/documents", nil, body)
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("p95 %.2f ms\n", latency:percentile(95) / 1000))
  for status, count in pairs(statuses) do io.write(string.format("status %d: %d\n", status, count)) end
end
