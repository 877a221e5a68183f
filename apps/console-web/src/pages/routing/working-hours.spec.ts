import type { Rep } from '../../api/routing';
import { currentAbsence, isPaused, repWithHours, weekSummary, windowsFromText, windowsToText } from './working-hours';

const rep: Rep = {
  id: 'ana',
  name: 'Ana',
  active: true,
  teamIds: ['t'],
  weight: 2,
  languages: ['en'],
  skills: [],
  timeZone: 'Europe/Lisbon',
  workingHours: { mon: [{ start: '09:00', end: '17:00' }] },
  outOfOffice: [{ from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' }],
  pausedUntil: '2026-03-02T12:00:00Z',
  dailyCap: 5,
};

describe('working hours text', () => {
  it('reads back what it writes', () => {
    const windows = [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ];
    expect(windowsToText(windows)).toBe('09:00-12:00, 13:00-17:30');
    expect(windowsFromText('09:00-12:00, 13:00 – 17:30')).toEqual(windows);
  });

  it('takes an empty day as a day off and rejects what is not a window', () => {
    expect(windowsFromText('  ')).toEqual([]);
    expect(() => windowsFromText('9-5')).toThrow('“9-5” is not a window');
  });

  it('sums up a week, naming only working days', () => {
    expect(weekSummary(rep.workingHours)).toBe('mon 09:00-17:00');
    expect(weekSummary({})).toBe('never');
  });
});

describe('availability', () => {
  it('finds the absence holding now, its end exclusive', () => {
    expect(currentAbsence(rep, new Date('2026-03-03T00:00:00Z'))).toEqual(rep.outOfOffice[0]);
    expect(currentAbsence(rep, new Date('2026-03-08T00:00:00Z'))).toBeUndefined();
  });

  it('is paused until the pause ends', () => {
    expect(isPaused(rep, new Date('2026-03-02T11:59:00Z'))).toBe(true);
    expect(isPaused(rep, new Date('2026-03-02T12:00:00Z'))).toBe(false);
  });
});

describe('repWithHours', () => {
  it('sends the whole rep with the new hours, leaving out absences and the pause so routing keeps them', () => {
    const body = repWithHours(rep, 'Europe/Paris', { tue: [{ start: '08:00', end: '16:00' }] });
    expect(body).toEqual({
      id: 'ana',
      name: 'Ana',
      active: true,
      teamIds: ['t'],
      weight: 2,
      languages: ['en'],
      skills: [],
      timeZone: 'Europe/Paris',
      workingHours: { tue: [{ start: '08:00', end: '16:00' }] },
      dailyCap: 5,
      rolling30DayCap: null,
    });
    expect(body).not.toHaveProperty('outOfOffice');
    expect(body).not.toHaveProperty('pausedUntil');
  });
});
