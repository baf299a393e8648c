-- POST /Users of a new typical Entra user (the shape of EntraUsers.userJson), a distinct
-- userName every request: RUN (env, default the time) names the run, so runs never collide.
--   SCIM_TOKEN=... wrk -t2 -c8 -d20s -s post-user.lua http://127.0.0.1:8080/scim/v2
local lib = dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "lib.lua")
local path, headers, run
local n = 0

setup = lib.number_threads

function init(args)
  path = lib.base() .. "/Users"
  headers = lib.json_headers()
  run = os.getenv("RUN") or tostring(os.time())
end

local ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

function request()
  n = n + 1
  local key = run .. "." .. thread_id .. "." .. n
  local user = "load." .. key .. "@contoso.com"
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","' .. ENTERPRISE .. '"],'
    .. '"externalId":"ext-' .. key .. '","userName":"' .. user .. '","active":true,'
    .. '"displayName":"Adele Vance ' .. key .. '","title":"Retail Manager","preferredLanguage":"en-US",'
    .. '"name":{"formatted":"Adele Vance","familyName":"Vance","givenName":"Adele"},'
    .. '"emails":[{"primary":true,"type":"work","value":"' .. user .. '"}],'
    .. '"addresses":[{"type":"work","formatted":"1 Microsoft Way, Redmond, WA 98052, US",'
    .. '"streetAddress":"1 Microsoft Way","locality":"Redmond","region":"WA","postalCode":"98052","country":"US","primary":true}],'
    .. '"phoneNumbers":[{"type":"work","value":"+1 425 555 ' .. string.format("%04d", n % 10000) .. '"},'
    .. '{"type":"mobile","value":"+1 206 555 ' .. string.format("%04d", (n + 1) % 10000) .. '"}],'
    .. '"' .. ENTERPRISE .. '":{"employeeNumber":"' .. n .. '","department":"Retail","costCenter":"CC-' .. (n % 97) .. '",'
    .. '"manager":{"value":"ext-' .. run .. '.' .. thread_id .. '.' .. (n + 7) .. '"}}}'
  return wrk.format("POST", path, headers, body)
end

done = lib.done
