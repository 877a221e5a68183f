import { spawnDemo } from './support/demo-process';

describe('npm run demo', () => {
  it('walks a lead from anonymous visitor to MQL, routed with its reason and SLA, accepted; then a won deal moves attainment and the next routing decision', async () => {
    const demo = spawnDemo();
    const { code } = await demo.exited;
    const output = demo.output();

    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('Done: one lead') });
    expect(output).toMatch(/^Operator console: http:\/\/127\.0\.0\.1:\d+ +\(sign in as admin \/ handoff-admin/m);
    expect(output).toMatch(/stage mql: behaviour ≥ 60 and grade ≥ B/);
    expect(output).toMatch(/lead\.qualified\.v1 published/);
    const routed = /routed to (.+) \(inbound, weighted round robin, via .+\)\n\s+because rule inbound matched .+;/.exec(
      output,
    );
    expect(routed).not.toBeNull();
    expect(output).toMatch(/accept within 30 minutes of .+'s working hours \(due .+ UTC\)/);
    expect(output).toMatch(/account matched: acme \(confidence 1; email domain acme-software\.example\)/);
    expect(output).toContain(`${routed?.[1]} accepts the lead`);
    expect(output).toMatch(/stage sql/);
    expect(output).toMatch(/a dry run of the next large-company lead: .*capacity aware picked Lena Vogel/);
    expect(output).toMatch(/Lena: €0 of €200,000 \(0%\), behind pace by .+ → €150,000 of €200,000 \(75%\)/);
    expect(output).toMatch(/routed to Kenji Sato \(enterprise, capacity aware, via the rule's pool\)/);
    expect(output).toContain('a won deal moved a rep’s attainment, and routing’s next decision with it');
  }, 240_000);
});
