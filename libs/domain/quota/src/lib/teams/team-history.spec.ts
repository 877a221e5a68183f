import { Q1_2027, dayOfQ1 } from '../../testing/builders';
import {
  shareOfPeriodInTeam,
  teamMembersDuring,
  teamOfRepAt,
  validateTeamHistory,
  type TeamMembership,
} from './team-history';

const movedAtHalfTime: TeamMembership[] = [
  { repId: 'ana', teamId: 'emea', from: '2026-06-01T00:00:00Z', to: dayOfQ1(45) },
  { repId: 'ana', teamId: 'dach', from: dayOfQ1(45) },
  { repId: 'bo', teamId: 'emea', from: dayOfQ1(60), to: dayOfQ1(120) },
  { repId: 'cy', teamId: 'emea', from: '2027-05-01T00:00:00Z' },
];

describe('teamOfRepAt', () => {
  it('follows the rep across a move; the instant of the move belongs to the new team', () => {
    expect(teamOfRepAt(movedAtHalfTime, 'ana', dayOfQ1(10))).toBe('emea');
    expect(teamOfRepAt(movedAtHalfTime, 'ana', dayOfQ1(45))).toBe('dach');
    expect(teamOfRepAt(movedAtHalfTime, 'ana', '2030-01-01T00:00:00Z')).toBe('dach');
  });

  it('is undefined before the first membership, after the last has ended and for unknown reps', () => {
    expect(teamOfRepAt(movedAtHalfTime, 'ana', '2026-01-01T00:00:00Z')).toBeUndefined();
    expect(teamOfRepAt(movedAtHalfTime, 'bo', dayOfQ1(120))).toBeUndefined();
    expect(teamOfRepAt(movedAtHalfTime, 'zoe', dayOfQ1(10))).toBeUndefined();
  });

  it('takes the membership that started last when two overlap', () => {
    const overlapping = [...movedAtHalfTime, { repId: 'ana', teamId: 'nordics', from: dayOfQ1(50) }];

    expect(teamOfRepAt(overlapping, 'ana', dayOfQ1(60))).toBe('nordics');
  });
});

describe('shareOfPeriodInTeam', () => {
  it('is the share of the period spent in the team', () => {
    expect(shareOfPeriodInTeam(movedAtHalfTime, 'ana', 'emea', Q1_2027)).toBe(0.5);
    expect(shareOfPeriodInTeam(movedAtHalfTime, 'ana', 'dach', Q1_2027)).toBe(0.5);
    expect(shareOfPeriodInTeam(movedAtHalfTime, 'bo', 'emea', Q1_2027)).toBeCloseTo(1 / 3, 10);
    expect(shareOfPeriodInTeam(movedAtHalfTime, 'cy', 'emea', Q1_2027)).toBe(0);
  });
});

describe('teamMembersDuring', () => {
  it('lists everyone in the team at any time in the period', () => {
    expect(teamMembersDuring(movedAtHalfTime, 'emea', Q1_2027)).toEqual(['ana', 'bo']);
    expect(teamMembersDuring(movedAtHalfTime, 'dach', Q1_2027)).toEqual(['ana']);
  });
});

describe('validateTeamHistory', () => {
  it('accepts a history where a rep moves from one team to the next', () => {
    expect(validateTeamHistory(movedAtHalfTime)).toEqual([]);
  });

  it('names every bad field', () => {
    expect(
      validateTeamHistory([
        { repId: 'ana smith', teamId: 'emea', from: '2027-01-01' },
        { repId: 'bo', teamId: 'emea', from: '2027-02-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
      ]),
    ).toEqual([
      'memberships[0].repId: must be 1-128 letters, digits, _ . : - starting with a letter or digit',
      'memberships[0].from: must be an ISO-8601 instant with an offset, got "2027-01-01"',
      'memberships[1].to: must be after from (2027-02-01T00:00:00Z), got 2027-01-01T00:00:00Z',
    ]);
  });

  it('reports a rep in two teams at once, naming both memberships', () => {
    expect(
      validateTeamHistory([
        { repId: 'ana', teamId: 'emea', from: '2026-01-01T00:00:00Z' },
        { repId: 'bo', teamId: 'emea', from: '2026-01-01T00:00:00Z' },
        { repId: 'ana', teamId: 'dach', from: '2027-02-15T00:00:00Z' },
      ]),
    ).toEqual([
      'memberships[2].from: rep ana is still in team emea then (memberships[0]); a rep belongs to one team at a time',
    ]);
  });
});
