import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PauseBody, PeriodBody } from '../routing/routing.dto';
import { LeadSearchQuery, PageLimitQuery, ReassignBody, ScoreQuery } from './leads.dto';

const problemsOf = async (type: new () => object, plain: object) =>
  (await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true })).map(
    (e) => e.property,
  );

describe('console request validation', () => {
  it('refuses a blank or missing search term and one longer than an email address may be', async () => {
    expect(await problemsOf(LeadSearchQuery, { q: '   ' })).toEqual(['q']);
    expect(await problemsOf(LeadSearchQuery, {})).toEqual(['q']);
    expect(await problemsOf(LeadSearchQuery, { q: 'x'.repeat(255) })).toEqual(['q']);
    expect(await problemsOf(LeadSearchQuery, { q: 'ana@example.com' })).toEqual([]);
  });

  it('refuses query parameters a route does not let through', async () => {
    expect(await problemsOf(PageLimitQuery, { limit: '5', before: 'x' })).toEqual(['before']);
  });

  it('refuses an `at` that is not an instant', async () => {
    expect(await problemsOf(ScoreQuery, { at: 'yesterday' })).toEqual(['at']);
    expect(await problemsOf(ScoreQuery, { at: '2026-11-28T10:15:00Z' })).toEqual([]);
  });

  it('refuses a reassign to a rep id that is not an identifier, and a reason over 200 characters', async () => {
    expect(await problemsOf(ReassignBody, { repId: '../ana', reason: 'x'.repeat(201) })).toEqual(['repId', 'reason']);
    expect(await problemsOf(ReassignBody, { repId: 'bo-chen', reason: 'speaks German' })).toEqual([]);
  });

  it('refuses out-of-office periods and pauses whose instants are not instants', async () => {
    expect(await problemsOf(PeriodBody, { from: '2026-12-24T00:00:00Z', to: 'later' })).toEqual(['to']);
    expect(await problemsOf(PauseBody, {})).toEqual(['until']);
  });
});
