-- The forum-week readers of `make bench` (bench/forum_week.py): wrk sends the requests of a
-- paths file (one per line: the path, then a tab and the Cookie header of a returning
-- reader, or nothing), each thread from its own place in the file and round again, and
-- counts the X-Page-Cache header of the answers (hit: served from the page cache, or wait:
-- from it after another request's render; stale: its previous version, from the cache,
-- while another request renders it; miss: rendered). Arguments after "--": the paths file, the User-Agent.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   requests = {}
   for line in io.lines(args[1]) do
      local path, cookie = line:match("^([^\t]+)\t?(.*)$")
      local headers = { ["User-Agent"] = args[2] }
      if cookie ~= "" then
         headers["Cookie"] = cookie
      end
      requests[#requests + 1] = wrk.format("GET", path, headers)
   end
   next_request = (id * 7919) % #requests
   hits, stale, misses, others, redirects = 0, 0, 0, 0, 0
end

function request()
   next_request = next_request % #requests + 1
   return requests[next_request]
end

function response(status, headers, body)
   local state = headers["X-Page-Cache"]
   if state == "hit" or state == "wait" then
      hits = hits + 1
   elseif state == "stale" then
      stale = stale + 1
   elseif state == "miss" then
      misses = misses + 1
   else
      others = others + 1
   end
   if status >= 300 and status < 400 then
      redirects = redirects + 1
   end
end

function done(summary, latency, requests)
   local total = { hits = 0, stale = 0, misses = 0, others = 0, redirects = 0 }
   for _, thread in ipairs(threads) do
      for name, _ in pairs(total) do
         total[name] = total[name] + thread:get(name)
      end
   end
   io.write(string.format("page cache: hits %d stale %d misses %d others %d redirects %d\n",
      total.hits, total.stale, total.misses, total.others, total.redirects))
end
