import { validatePayload } from '@handoff/contracts';
import { ScoreQuery } from './lead-score.query';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('ScoreQuery', () => {
  it.each([
    ['an instant with an offset', '2024-01-31T11:00:00.250+01:00'],
    ['an instant 60 days ahead, to read decay forward', inDays(60)],
  ])('accepts %s', (_description, at) => {
    expect(validatePayload(ScoreQuery, { at }, 'GET /leads/:id/score').at).toBe(at);
  });

  // Each of these passed the former ISO 8601 check and then failed to parse in scoring: a 500, not a 400.
  it.each([
    ['a basic-format date', '20240101', /^at must be an RFC 3339 date-time/],
    ['a week date', '2024-W05', /^at must be an RFC 3339 date-time/],
    ['an instant two years ahead', inDays(730), /^at must not be more than 366 days in the future$/],
  ])('rejects %s, naming the parameter', (_description, at, reason) => {
    expect(() => validatePayload(ScoreQuery, { at }, 'GET /leads/:id/score')).toThrow(
      expect.objectContaining({ issues: [{ field: 'at', reasons: [expect.stringMatching(reason)] }] }),
    );
  });
});
