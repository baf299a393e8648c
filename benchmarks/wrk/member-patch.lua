-- Entra's group membership PATCH on one group: requests alternate between adding a user of the
-- pool ("op":"Add","path":"members") and removing the user added just before ("op":"Remove" with
-- a value array), so the group keeps its size (give or take the requests in flight). Each wrk
-- thread takes its own slice of the pool, so no two threads touch the same user.
--   SCIM_TOKEN=... wrk -t2 -c8 -d20s -s member-patch.lua http://127.0.0.1:8080/scim/v2 -- GROUP_ID /tmp/seed/free.txt
local lib = dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "lib.lua")
local path, pool, headers
local n = 0

setup = lib.number_threads

local function body(op, id)
  return '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"' .. op
    .. '","path":"members","value":[{"$ref":null,"value":"' .. id .. '"}]}]}'
end

function init(args)
  path = lib.base() .. "/Groups/" .. args[1]
  local all = lib.lines(args[2])
  local threads = tonumber(args[3] or "2")
  pool = {}
  for i = thread_id + 1, #all, threads do pool[#pool + 1] = all[i] end
  headers = lib.json_headers()
end

function request()
  local id = pool[math.floor(n / 2) % #pool + 1]
  local op = (n % 2 == 0) and "Add" or "Remove"
  n = n + 1
  return wrk.format("PATCH", path, headers, body(op, id))
end

done = lib.done
