-- Entra's lookup: GET /Users?filter=userName eq "<a random seeded userName>", form-encoded.
--   SCIM_TOKEN=... wrk -t2 -c8 -d20s -s filter-user.lua http://127.0.0.1:8080/scim/v2 -- /tmp/seed/usernames.txt
local lib = dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "lib.lua")
local paths, headers

setup = lib.number_threads

function init(args)
  local base = lib.base()
  paths = {}
  for i, name in ipairs(lib.lines(args[1])) do
    paths[i] = base .. "/Users?filter=" .. lib.form_encode('userName eq "' .. name .. '"')
  end
  headers = lib.headers()
  math.randomseed(os.time() * 100 + thread_id)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

done = lib.done
