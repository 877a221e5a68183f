import { rep } from '../../testing/builders';
import { capWindowOf } from './cap-window';

describe('capWindowOf', () => {
  it('starts the day at the rep’s local midnight and the rolling window 30 days back', () => {
    expect(capWindowOf(rep('ana'), '2026-01-14T09:00:00Z')).toEqual({
      dayStart: '2026-01-13T23:00:00.000Z',
      rolling30Start: '2025-12-15T09:00:00.000Z',
    });
  });

  it('uses the local date, which may differ from the UTC date', () => {
    const tokyo = rep('ken', { timeZone: 'Asia/Tokyo' });
    expect(capWindowOf(tokyo, '2026-01-14T20:00:00Z').dayStart).toBe('2026-01-14T15:00:00.000Z');
    const losAngeles = rep('lou', { timeZone: 'America/Los_Angeles' });
    expect(capWindowOf(losAngeles, '2026-01-14T05:00:00Z').dayStart).toBe('2026-01-13T08:00:00.000Z');
  });

  it('follows the offset in force at that midnight across a daylight-saving change', () => {
    expect(capWindowOf(rep('ana'), '2026-03-30T12:00:00Z').dayStart).toBe('2026-03-29T22:00:00.000Z');
    expect(capWindowOf(rep('ana'), '2026-03-29T12:00:00Z').dayStart).toBe('2026-03-28T23:00:00.000Z');
  });
});
