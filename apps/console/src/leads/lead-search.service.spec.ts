import { FakeService, json } from '../testing/fake-service';
import { IngestClient, ScoringClient } from '../upstream';
import { LeadSearchService } from './lead-search.service';

const LEAD_ID = '7d0c1a52-3f1e-4c5b-9a51-0d6a2f7f6c11';
const scoreView = {
  leadId: LEAD_ID,
  at: '2026-12-06T10:00:00.000Z',
  behaviour: { score: 42 },
  fit: { score: 30, grade: 'B' },
  lifecycle: { stage: 'mql', lastQualifiedAt: '2026-12-05T09:00:00.000Z' },
};
const summary = {
  leadId: LEAD_ID,
  stage: 'mql',
  behaviourScore: 42,
  fitScore: 30,
  grade: 'B',
  qualifiedAt: '2026-12-05T09:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
};

describe('LeadSearchService against real local HTTP servers for ingest and scoring', () => {
  let ingest: FakeService;
  let scoring: FakeService;
  let search: LeadSearchService;

  beforeEach(async () => {
    [ingest, scoring] = await Promise.all([FakeService.start(), FakeService.start()]);
    const settings = { token: 'a-token-of-sixteen+', timeoutMs: 2000 };
    search = new LeadSearchService(
      new IngestClient({ service: 'ingest', baseUrl: ingest.baseUrl, ...settings }),
      new ScoringClient({ service: 'scoring', baseUrl: scoring.baseUrl, ...settings }),
    );
    scoring.answer((_, response) => json(response, 200, scoreView));
  });

  afterEach(() => Promise.all([ingest.stop(), scoring.stop()]));

  it("finds a lead by its id through scoring's score, matched by id", async () => {
    await expect(search.search(LEAD_ID)).resolves.toEqual({ query: LEAD_ID, leads: [{ ...summary, matchedBy: 'id' }] });
    expect(scoring.received.map(({ url }) => url)).toEqual([`/leads/${LEAD_ID}/score`]);
  });

  it('finds a lead by email through ingest, which alone knows emails, then scoring', async () => {
    ingest.answer((_, response) => json(response, 200, { leadId: LEAD_ID }));

    const result = await search.search(' ana@example.com ');

    expect(result.leads).toEqual([{ ...summary, matchedBy: 'email' }]);
    expect(ingest.received).toMatchObject([
      { method: 'POST', url: '/leads/lookup', body: '{"email":"ana@example.com"}' },
    ]);
  });

  it('finds nothing for an email no lead has', async () => {
    ingest.answer((_, response) => json(response, 404, { statusCode: 404, error: 'Not Found', message: 'no lead' }));

    await expect(search.search('nobody@example.com')).resolves.toEqual({ query: 'nobody@example.com', leads: [] });
    expect(scoring.received).toEqual([]);
  });

  it('searches companies and domains in scoring for any other term', async () => {
    scoring.answer((_, response) => json(response, 200, { leads: [{ ...summary, matchedBy: 'company' }] }));

    const result = await search.search('Acme & Co');

    expect(result.leads).toEqual([{ ...summary, matchedBy: 'company' }]);
    expect(scoring.received[0].url).toBe('/leads?q=Acme+%26+Co');
  });

  it("passes a service's failure on rather than answering an empty search", async () => {
    ingest.answer((_, response) =>
      json(response, 500, { statusCode: 500, error: 'Internal Server Error', message: 'x' }),
    );

    await expect(search.search('ana@example.com')).rejects.toMatchObject({ status: 500, body: { service: 'ingest' } });
  });
});
