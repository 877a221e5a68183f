import { RedisScript } from '@handoff/platform-redis';

/**
 * Token bucket in one atomic step. KEYS[1] the bucket (a hash of tokens and last refill in ms);
 * ARGV: refill rate per second, capacity (burst), cost. The clock is Redis's own TIME, so replicas with
 * skewed clocks share one bucket fairly. Returns {allowed 0|1, retry after ms, tokens left (floored)}.
 *
 * A request costing more than the capacity could never be admitted, so it is admitted when the bucket
 * is full and leaves it in debt: the source then waits until the debt is repaid.
 * A refused request changes nothing. The key expires once the bucket would be full again, which is
 * the same as not existing.
 */
export const TOKEN_BUCKET_SCRIPT = new RedisScript(`
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local needed = math.min(cost, burst)
if tokens < needed then
  return {0, math.ceil((needed - tokens) * 1000 / rate), math.floor(tokens)}
end
tokens = tokens - cost
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
return {1, 0, math.floor(tokens)}
`);
