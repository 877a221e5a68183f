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
});
