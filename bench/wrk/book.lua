-- Booking under load: POST /reservations for a stay far in the future, then cancel each
-- booking made (POST /reservations/{id}/status), so that the inventory stays steady.
-- A 409 is a designed conflict (no room left for those nights), not an error.
-- Usage: wrk -s book.lua URL -- COOKIE CSRF HOTEL ROOM_TYPE GUEST
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  booked, cancelled, conflicts, bad = 0, 0, 0, 0
  cookie, csrf, hotel, room_type, guest = args[1], args[2], args[3], args[4], args[5]
  wrk.headers["Cookie"] = cookie
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  queue, cancelling = {}, {}
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function day(offset)
  return os.date("!%Y-%m-%d", os.time() + offset * 86400)
end

function request()
  local id = table.remove(queue)
  if id then
    cancelling[id] = true
    return wrk.format("POST", "/reservations/" .. id .. "/status", nil,
      "csrf_token=" .. csrf .. "&action=cancel&version=1&reason=bench")
  end
  local start = math.random(200, 560)
  local nights = math.random(1, 4)
  local body = "csrf_token=" .. csrf .. "&hotel=" .. hotel .. "&room_type=" .. room_type ..
    "&guest=" .. guest .. "&check_in=" .. day(start) .. "&check_out=" .. day(start + nights) ..
    "&adults=2&children=0&source=phone&notes=&room="
  return wrk.format("POST", "/reservations", nil, body)
end

function response(status, headers, body)
  if status == 303 then
    local location = headers["Location"] or headers["location"] or ""
    local id = location:match("^/reservations/([0-9a-f%-]+)$")
    -- Both answers redirect to the reservation: a booking's id is new, a cancellation's
    -- is one this thread asked to cancel.
    if id and cancelling[id] then
      cancelling[id] = nil
      cancelled = cancelled + 1
    elseif id then
      booked = booked + 1
      table.insert(queue, id)
    else
      bad = bad + 1
    end
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local b, c, k, e = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    b = b + t:get("booked"); c = c + t:get("cancelled"); k = k + t:get("conflicts"); e = e + t:get("bad")
  end
  e = e + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d ok=%d conflicts=%d errors=%d rps=%.1f p50=%.2f p99=%.2f bookings_per_s=%.1f cancels=%d\n",
    summary.requests, b + c, k, e, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, b / seconds, c))
end
