import type { Redis } from 'ioredis';
import { RedisScript } from './redis-script';

const script = new RedisScript("return redis.call('GET', KEYS[1])");

describe('RedisScript', () => {
  it('runs the cached script by its SHA1 with the keys counted before the arguments', async () => {
    const evalsha = jest.fn().mockResolvedValue('value');
    expect(await script.run({ evalsha } as unknown as Redis, ['k1', 'k2'], [7])).toBe('value');
    // The SHA1 Redis itself gives this text (SCRIPT LOAD), so the cached script is found.
    expect(evalsha).toHaveBeenCalledWith('d3c21d0c2b9ca22f82737626a27bcaf5d288f99f', 2, 'k1', 'k2', 7);
  });

  it('sends the script itself when Redis has forgotten it (NOSCRIPT after a restart)', async () => {
    const evalsha = jest.fn().mockRejectedValue(new Error('NOSCRIPT No matching script. Please use EVAL.'));
    const evalScript = jest.fn().mockResolvedValue('value');
    expect(await script.run({ evalsha, eval: evalScript } as unknown as Redis, ['k1'], [])).toBe('value');
    expect(evalScript).toHaveBeenCalledWith(script.source, 1, 'k1');
  });

  it('passes on any other failure without resending the script', async () => {
    const evalsha = jest.fn().mockRejectedValue(new Error('Command timed out'));
    const evalScript = jest.fn();
    await expect(script.run({ evalsha, eval: evalScript } as unknown as Redis, ['k1'], [])).rejects.toThrow(
      'Command timed out',
    );
    expect(evalScript).not.toHaveBeenCalled();
  });
});
