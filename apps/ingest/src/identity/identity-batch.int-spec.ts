import { TEST_DATABASE_URL, uniqueName } from '@handoff/testing';
import type { Resolution, ResolutionRequest } from './identity-resolution.types';
import {
  useIdentityHarness,
  aliasCallContext as aliasContext,
  callContext as context,
  newAnonymousId as anonymousId,
  newEmail as email,
  newUserId as userId,
} from '../testing/identity-test.harness';

/**
 * Lead ids are random, so two runs are compared through labels given to leads in the order they first show up:
 * the same outcome gives the same labelled picture.
 */
class LeadLabels {
  private readonly labels = new Map<string, string>();

  of(leadId: string | null): string | null {
    if (leadId === null) return null;
    if (!this.labels.has(leadId)) this.labels.set(leadId, `lead-${this.labels.size + 1}`);
    return this.labels.get(leadId) ?? null;
  }

  resolutions(resolutions: readonly Resolution[]): { leadId: string | null; mergedLeadIds: (string | null)[] }[] {
    return resolutions.map((resolution) => ({
      leadId: this.of(resolution.leadId),
      mergedLeadIds: resolution.mergedLeadIds.map((leadId) => this.of(leadId)),
    }));
  }
}

describe('IdentityResolver.resolveMany against one call at a time (real PostgreSQL)', () => {
  const suite = useIdentityHarness(TEST_DATABASE_URL, uniqueName('ingest_test'));

  const [oldUser, newUser, storedUser, firstUser, alice, bob] = Array.from({ length: 6 }, userId);
  const [knownAddress, newAddress, laterAddress, youngerAddress, secondAddress] = Array.from({ length: 5 }, email);
  const visitors = Array.from({ length: 8 }, anonymousId);
  const [stored, storedAliased, fresh, freshWithEmail, freshOther, freshToMerge, freshEmailLater, shared] = visitors;

  /** Leads in place before the batch: users, a known email, two anonymous visitors. */
  const setup: ResolutionRequest[] = [
    { input: { userId: oldUser }, context: context() },
    { input: { userId: storedUser }, context: context() },
    { input: { email: knownAddress }, context: context() },
    { input: { anonymousId: stored }, context: context() },
    { input: { anonymousId: storedAliased }, context: context() },
  ];

  /** New visitors, returning ones, identifies that link, merge and chain merges, and aliases, interleaved. */
  const batch: ResolutionRequest[] = [
    { input: { anonymousId: fresh }, context: context() },
    { input: { anonymousId: fresh, email: newAddress }, context: context('identify') },
    { input: { anonymousId: stored }, context: context() },
    { input: { anonymousId: stored, email: knownAddress }, context: context('identify') },
    { input: { email: knownAddress, userId: oldUser }, context: context('identify') },
    { input: { anonymousId: stored }, context: context() },
    { alias: { previousId: storedAliased, userId: newUser }, context: aliasContext() },
    { input: { anonymousId: freshWithEmail, email: newAddress.toUpperCase() }, context: context() },
    { input: { anonymousId: freshOther }, context: context() },
    { input: { anonymousId: freshToMerge }, context: context() },
    { input: { anonymousId: freshToMerge, userId: newUser }, context: context() },
    { input: { email: laterAddress }, context: context() },
    { input: { anonymousId: freshEmailLater }, context: context() },
    { input: { anonymousId: freshEmailLater, email: laterAddress }, context: context('identify') },
    { alias: { previousId: freshOther, userId: oldUser }, context: aliasContext() },
    { input: { anonymousId: freshOther }, context: context() },
    // Known leads on both sides: the oldest survives, a stored lead before one created in the batch...
    { input: { email: youngerAddress }, context: context() },
    { input: { userId: storedUser, email: youngerAddress }, context: context('identify') },
    // ...and of two leads created in the batch, the first created.
    { input: { userId: firstUser }, context: context() },
    { input: { email: secondAddress }, context: context() },
    { input: { email: secondAddress, userId: firstUser }, context: context('identify') },
    // Two users on one computer stay two leads.
    { input: { anonymousId: shared, userId: alice }, context: context('identify') },
    { input: { anonymousId: shared, userId: bob }, context: context('identify') },
  ];

  /** What a run leaves, labelled: every answer, the merge events in outbox order, links and merge pointers. */
  async function outcomeOf(resolve: (requests: ResolutionRequest[]) => Promise<Resolution[]>) {
    const labels = new LeadLabels();
    const before = labels.resolutions(await resolve(setup));
    const answers = labels.resolutions(await resolve(batch));
    const links: { kind: string; value: string; lead_id: string }[] = await suite.dataSource.query(
      'SELECT kind, value, lead_id FROM identity_links ORDER BY kind, value',
    );
    const leads: { id: string; merged_into_lead_id: string | null }[] = await suite.dataSource.query(
      'SELECT id, merged_into_lead_id FROM leads',
    );
    return {
      before,
      answers,
      merges: (await suite.harness.mergeEvents()).map((event) => [
        labels.of(event.survivingLeadId),
        labels.of(event.mergedLeadId),
        event.reason,
      ]),
      links: links.map((link) => [link.kind, link.value, labels.of(link.lead_id)]),
      leads: leads.map((lead) => [labels.of(lead.id), labels.of(lead.merged_into_lead_id)]).sort(),
    };
  }

  it('resolves a batch mixing new, known and merging identities exactly as one call at a time would', async () => {
    const oneAtATime = await outcomeOf(async (requests) => {
      const resolutions: Resolution[] = [];
      for (const request of requests) resolutions.push(...(await suite.resolver.resolveMany([request])));
      return resolutions;
    });
    await suite.harness.reset();

    const together = await outcomeOf((requests) => suite.resolver.resolveMany(requests));

    expect(together).toEqual(oneAtATime);
    // The scenario exercises what it claims to: creations, chained merges, an alias merge, both age rules.
    expect(oneAtATime.merges.map(([, , reason]) => reason)).toEqual([
      'identify',
      'identify',
      'identify',
      'identify',
      'alias',
      'identify',
      'identify',
    ]);
    expect(new Set(oneAtATime.answers.map((answer) => answer.leadId)).size).toBeGreaterThan(4);
  });

  describe('batches', () => {
    it('resolves a batch in order, so a page view before an identify keeps its anonymous lead', async () => {
      const visitor = anonymousId();
      const address = email();
      const knownLead = await suite.resolver.resolve({ email: address }, context());

      const [pageView, identify, later] = await suite.resolver.resolveMany([
        { input: { anonymousId: visitor }, context: context() },
        { input: { anonymousId: visitor, email: address }, context: context('identify') },
        { input: { anonymousId: visitor }, context: context() },
      ]);

      expect(identify).toEqual({ leadId: knownLead.leadId, mergedLeadIds: [pageView.leadId] });
      expect(later).toEqual({ leadId: knownLead.leadId, mergedLeadIds: [] });
      expect(await suite.harness.mergeEvents()).toHaveLength(1);
    });

    it('answers the same known visitor by batch position: before an identify merges its lead, and after', async () => {
      const visitor = anonymousId();
      const address = email();
      const anonymousLead = await suite.resolver.resolve({ anonymousId: visitor }, context());
      const knownLead = await suite.resolver.resolve({ email: address }, context());

      const resolutions = await suite.resolver.resolveMany([
        { input: { anonymousId: visitor }, context: context() },
        { input: { anonymousId: visitor, email: address }, context: context('identify') },
        { input: { anonymousId: visitor }, context: context() },
      ]);

      expect(resolutions).toEqual([
        { leadId: anonymousLead.leadId, mergedLeadIds: [] },
        { leadId: knownLead.leadId, mergedLeadIds: [anonymousLead.leadId] },
        { leadId: knownLead.leadId, mergedLeadIds: [] },
      ]);
    });

    it('answers a batch of known visitors without writing anything', async () => {
      const visitors = [anonymousId(), anonymousId()];
      const leads = await suite.resolver.resolveMany(
        visitors.map((visitor) => ({ input: { anonymousId: visitor }, context: context() })),
      );
      const linksBefore = await suite.dataSource.query('SELECT * FROM identity_links ORDER BY kind, value');

      const again = await suite.resolver.resolveMany(
        [...visitors, ...visitors].map((visitor) => ({ input: { anonymousId: visitor }, context: context() })),
      );

      expect(again).toEqual([...leads, ...leads]);
      expect(await suite.dataSource.query('SELECT * FROM identity_links ORDER BY kind, value')).toEqual(linksBefore);
      expect(await suite.harness.liveLeadCount()).toBe(2);
    });

    it('resolves nothing when one item of a batch names nobody', async () => {
      await expect(
        suite.resolver.resolveMany([
          { input: { anonymousId: anonymousId() }, context: context() },
          { alias: { previousId: anonymousId(), userId: ' ' }, context: aliasContext() },
        ]),
      ).rejects.toThrow('an alias needs a user id');
      expect(await suite.harness.liveLeadCount()).toBe(0);
    });
  });
});
