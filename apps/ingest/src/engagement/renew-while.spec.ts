import { renewWhile } from './renew-while';

describe('renewWhile', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  }

  it('renews on every interval while the work runs, and never after it settled', async () => {
    const work = deferred<string>();
    const renew = jest.fn(async () => 1);
    const held = renewWhile(work.promise, renew, 20_000);

    await jest.advanceTimersByTimeAsync(65_000);
    expect(renew).toHaveBeenCalledTimes(3);
    work.resolve('sent');
    await expect(held).resolves.toBe('sent');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(renew).toHaveBeenCalledTimes(3);
  });

  it('keeps renewing after a failed renewal and passes the work’s failure through unchanged', async () => {
    const work = deferred<string>();
    const renew = jest.fn().mockRejectedValueOnce(new Error('redis down')).mockResolvedValue(1);
    const held = renewWhile(work.promise, renew, 1_000);

    await jest.advanceTimersByTimeAsync(2_500);
    expect(renew).toHaveBeenCalledTimes(2);
    const failure = new Error('broker gone');
    work.reject(failure);
    await expect(held).rejects.toBe(failure);
  });
});
