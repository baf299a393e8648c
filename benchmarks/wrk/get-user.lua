-- GET /Users/{id} of a random seeded user.
--   SCIM_TOKEN=... wrk -t2 -c8 -d20s -s get-user.lua http://127.0.0.1:8080/scim/v2 -- /tmp/seed/ids.txt
local lib = dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "lib.lua")
local ids, headers, base

setup = lib.number_threads

function init(args)
  ids = lib.lines(args[1])
  headers = lib.headers()
  base = lib.base()
  math.randomseed(os.time() * 100 + thread_id)
end

function request()
  return wrk.format("GET", base .. "/Users/" .. ids[math.random(#ids)], headers)
end

done = lib.done
