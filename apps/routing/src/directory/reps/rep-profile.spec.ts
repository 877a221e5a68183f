import type { RepProfile } from '@handoff/domain-routing';
import type { RepBodyDto } from './rep.dto';
import { repProfileOf } from './rep-profile';

const body = (extra: Partial<RepBodyDto> = {}): RepBodyDto => ({
  name: 'Ana',
  timeZone: 'Europe/Lisbon',
  workingHours: {},
  ...extra,
});

const away = { from: '2030-01-01T00:00:00.000Z', to: '2030-01-08T00:00:00.000Z' };
const current: RepProfile = {
  ...repProfileOf('ana', body(), undefined),
  outOfOffice: [away],
  pausedUntil: '2030-02-01T00:00:00.000Z',
};

describe('repProfileOf', () => {
  it('fills in the defaults: active, weight 1, no lists, no periods, no pause, no caps', () => {
    expect(repProfileOf('ana', body(), undefined)).toEqual({
      id: 'ana',
      name: 'Ana',
      active: true,
      teamIds: [],
      weight: 1,
      languages: [],
      skills: [],
      timeZone: 'Europe/Lisbon',
      workingHours: {},
      outOfOffice: [],
    });
  });

  it('keeps the current periods and pause when the body leaves them out', () => {
    expect(repProfileOf('ana', body({ weight: 3 }), current)).toMatchObject({
      weight: 3,
      outOfOffice: [away],
      pausedUntil: '2030-02-01T00:00:00.000Z',
    });
  });

  it('clears them with [] and null, and leaves caps given as null out', () => {
    const cleared = repProfileOf('ana', body({ outOfOffice: [], pausedUntil: null, dailyCap: null }), current);

    expect(cleared.outOfOffice).toEqual([]);
    expect(cleared).not.toHaveProperty('pausedUntil');
    expect(cleared).not.toHaveProperty('dailyCap');
  });

  it('answers instants in UTC, periods sorted and each once, windows sorted, days without windows left out', () => {
    const profile = repProfileOf(
      'ana',
      body({
        teamIds: ['b', 'a'],
        outOfOffice: [
          { from: '2030-03-01T01:00:00+01:00', to: '2030-03-02T00:00:00Z' },
          { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' },
          { from: '2030-03-01T00:00:00Z', to: '2030-03-02T01:00:00+01:00' },
        ],
        pausedUntil: '2030-01-01T12:00:00-03:00',
        workingHours: {
          mon: [
            { start: '13:00', end: '17:00' },
            { start: '08:00', end: '12:00' },
          ],
          tue: [],
        },
      }),
      undefined,
    );

    expect(profile).toMatchObject({
      teamIds: ['a', 'b'],
      outOfOffice: [
        { from: '2030-01-01T00:00:00.000Z', to: '2030-01-02T00:00:00.000Z' },
        { from: '2030-03-01T00:00:00.000Z', to: '2030-03-02T00:00:00.000Z' },
      ],
      pausedUntil: '2030-01-01T15:00:00.000Z',
      workingHours: {
        mon: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
      },
    });
  });
});
