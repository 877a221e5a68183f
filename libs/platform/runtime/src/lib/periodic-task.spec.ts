import { PeriodicTask } from './periodic-task';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  it('runs the task again after each interval, never two runs at once, and keeps going after a failure', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const warn = jest.fn();
    const task = new PeriodicTask(
      'test task',
      5,
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await tick(15);
        active--;
        if (runs === 1) throw new Error('first run fails');
      },
      { warn },
    );

    task.start();
    while (runs < 3) await tick(5);
    await task.stop();

    expect(maxActive).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'test task failed; retrying next interval' }));
  });

  it('waits for the run in progress on stop and starts no other', async () => {
    let finished = 0;
    let started = 0;
    const task = new PeriodicTask(
      'test task',
      1,
      async () => {
        started++;
        await tick(20);
        finished++;
      },
      { warn: jest.fn() },
    );

    task.start();
    while (started === 0) await tick(1);
    await task.stop();
    await tick(10);

    expect([started, finished, task.isStopped]).toEqual([1, 1, true]);
  });

  it('runs at once on runSoon instead of waiting for the interval', async () => {
    let runs = 0;
    const task = new PeriodicTask('test task', 60_000, async () => void runs++, { warn: jest.fn() });

    task.start();
    task.runSoon();
    while (runs === 0) await tick(1);
    await task.stop();

    expect(runs).toBe(1);
  });

  it('runs once more right after the run in progress when runSoon comes during it', async () => {
    let runs = 0;
    let release = (): void => undefined;
    const task = new PeriodicTask(
      'test task',
      60_000,
      async () => {
        runs++;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      { warn: jest.fn() },
    );

    task.start();
    task.runSoon();
    while (runs === 0) await tick(1);
    task.runSoon();
    task.runSoon();
    release();
    while (runs < 2) await tick(1);
    await tick(10);
    await task.stop();

    expect(runs).toBe(2);
  });

  it('ignores runSoon before start and after stop', async () => {
    let runs = 0;
    const task = new PeriodicTask('test task', 60_000, async () => void runs++, { warn: jest.fn() });

    task.runSoon();
    await tick(10);
    task.start();
    await task.stop();
    task.runSoon();
    await tick(10);

    expect(runs).toBe(0);
  });
});
