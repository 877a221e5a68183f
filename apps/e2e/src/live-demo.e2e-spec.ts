import { waitFor } from '@handoff/testing';
import { type DemoProcess, descendantsOf, isRunning, spawnDemo } from './support/demo-process';

const FRAME_TITLE = /^Handoff live · /gm;

let demo: DemoProcess | undefined;

afterEach(() => {
  // A failed test must not leave the demo's services running for the rest of the suite.
  if (demo?.child.exitCode === null) {
    for (const { pid } of descendantsOf(demo.child.pid as number)) process.kill(pid, 'SIGKILL');
    demo.child.kill('SIGKILL');
  }
});

describe('npm run demo -- --live', () => {
  it('shows the simulated funnel every second with leads routed within two minutes of the start, serves the operator console at the address it prints and, on SIGINT, stops the simulator, the four services and the console, leaving no process behind', async () => {
    // The rate a newcomer gets: the README's `npm run demo -- --live` without options.
    demo = spawnDemo(['--live']);
    const frames = () => demo?.output().match(FRAME_TITLE)?.length ?? 0;
    await waitFor(
      'the live view to show routed leads',
      () => {
        const output = demo?.output() ?? '';
        return frames() >= 3 && /events ingested [1-9][\d,]* .* routed [1-9]/.test(output);
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    const descendants = descendantsOf(demo.child.pid as number);
    const services = descendants.filter(({ command }) =>
      /dist\/apps\/(ingest|scoring|routing|quota|console)\/main\.js/.test(command),
    );
    expect(services).toHaveLength(5);
    const consoleUrl = /Operator console: (http:\/\/127\.0\.0\.1:\d+) +\(sign in as admin \/ handoff-admin/.exec(
      demo.output(),
    )?.[1];
    expect(consoleUrl).toBeDefined();
    const page = await fetch(`${consoleUrl}/`);
    expect({ status: page.status, html: await page.text() }).toEqual({
      status: 200,
      html: expect.stringContaining('<title>Handoff console</title>'),
    });

    demo.child.kill('SIGINT');
    const exit = await demo.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(descendants.filter(({ pid }) => isRunning(pid))).toEqual([]);
    const output = demo.output();
    expect(output).toContain('SIGINT: stopping the simulator, the readers and the services');
    expect(output).toMatch(/seeded 23 reps in 4 teams \(.+ out of office\), 30 accounts, FY\d{4}-Q\d quotas/);
    expect(output).toMatch(/leads routed, top reps/);
    expect(output).toMatch(/consumers +consumed +lag\n {2}ingest/);
    expect(output).toContain(
      'stopped: the services and the console exited, their consumer groups are deleted and their schemas dropped',
    );
  }, 180_000);
});
