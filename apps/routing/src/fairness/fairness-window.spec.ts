import { fairnessWindow } from './fairness-window';

const NOW = Date.parse('2026-03-31T12:00:00.000Z');

describe('the fairness report’s window', () => {
  it('defaults to the 30 days up to now', () => {
    expect(fairnessWindow({}, NOW)).toEqual({ from: '2026-03-01T12:00:00.000Z', to: '2026-03-31T12:00:00.000Z' });
  });

  it('counts the 30 days back from a given to', () => {
    expect(fairnessWindow({ to: '2026-02-01T00:00:00Z' }, NOW)).toEqual({
      from: '2026-01-02T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
  });

  it('answers given instants in UTC', () => {
    expect(fairnessWindow({ from: '2026-03-01T00:00:00+01:00', to: '2026-03-02T00:00:00+01:00' }, NOW)).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-01T23:00:00.000Z',
    });
  });

  it('refuses from at or after to, naming from', () => {
    expect(() => fairnessWindow({ from: '2026-03-02T00:00:00Z', to: '2026-03-02T00:00:00Z' }, NOW)).toThrow(
      expect.objectContaining({ code: 'invalid', details: [{ field: 'from', reasons: ['from must be before to'] }] }),
    );
  });

  it('refuses a from not before now when to is left to its default', () => {
    expect(() => fairnessWindow({ from: '2026-03-31T12:00:00Z' }, NOW)).toThrow(
      expect.objectContaining({
        details: [{ field: 'from', reasons: ['from must be before now (to defaults to now)'] }],
      }),
    );
  });
});
