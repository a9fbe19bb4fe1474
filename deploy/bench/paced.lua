-- wrk script: GET the paths listed in a file (one per line, taken in turn), with a bearer token,
-- sent on a fixed schedule of RATE requests/s: each free connection takes the next slot of the
-- schedule and waits for it (wrk 4 itself is closed-loop). If all connections are busy when a slot
-- comes, the request goes out as soon as one frees up, so a stalling server gets fewer requests:
-- the achieved rate printed by done() shows it, and a run short of the offered rate does not count.
-- usage: wrk -t1 -c10 -d30s -s paced.lua http://host:port -- <paths-file> <rate> <token> 
-- with WRK_LABEL=<label> in the environment; use one wrk thread (-t1): the schedule is per thread
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local paths, next, interval_ms, slot_ms, token = {}, 0, 0, nil, ""

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  local rate = tonumber(args[2])
  token = args[3]
  interval_ms = 1000 / rate
  math.randomseed(os.time())
  next = math.random(#paths)
end

function delay()
  local now = now_ms()
  slot_ms = slot_ms == nil and now or math.max(slot_ms + interval_ms, now - 1000)
  return math.max(0, slot_ms - now)
end

function request()
  next = next % #paths + 1
  return wrk.format("GET", paths[next], { ["Authorization"] = "Bearer " .. token })
end

-- done() runs in wrk's main Lua state, which init() never saw: the label comes from the environment
function done(summary, latency, requests)
  local label = os.getenv("WRK_LABEL") or "run"
  local secs = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK %s requests=%d achieved=%.1f/s errors=%d p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms\n",
      label, summary.requests, summary.requests / secs, errors, latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
      latency.max / 1000))
end
