-- Shared by the wrk scripts of this folder: loaded with dofile from the script's own folder.
local lib = {}

-- The lines of a file (the seeder's ids.txt, usernames.txt, free.txt, groups.txt).
function lib.lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in f:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  assert(#out > 0, path .. " is empty")
  return out
end

-- Request headers: the bearer token from SCIM_TOKEN (none when unset), SCIM JSON both ways.
function lib.headers()
  local h = { ["Accept"] = "application/scim+json" }
  local token = os.getenv("SCIM_TOKEN")
  if token and token ~= "" then h["Authorization"] = "Bearer " .. token end
  return h
end

function lib.json_headers()
  local h = lib.headers()
  h["Content-Type"] = "application/scim+json; charset=utf-8"
  return h
end

-- Gives each wrk thread its number (0, 1, ...) as the global "thread_id".
local threads = 0
function lib.number_threads(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

-- Form-encodes a query parameter value as Entra does (space as +, quotes as %22).
function lib.form_encode(s)
  return (s:gsub("[^%w%-%._~ ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

-- The SCIM base path: the path of the URL given to wrk, without a trailing slash.
function lib.base()
  return (wrk.path:gsub("/$", ""))
end

-- Prints what wrk's own summary lacks: non-2xx answers and socket errors, machine-readable.
function lib.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end

return lib
