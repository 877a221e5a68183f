import { quotaApiSuite } from '../testing/quota-api-suite';
import type { TeamHistoryDto, TeamMembersDto } from './team-history.dto';

const suite = quotaApiSuite('quota_team_history_int');

describe('team history', () => {
  it('replaces a rep’s whole history and answers it oldest first', async () => {
    await suite.service.admin('PUT', '/reps/ana-silva/teams', {
      memberships: [{ teamId: 'apac', from: '2025-01-01T00:00:00Z' }],
    });

    const answer = await suite.service.admin<TeamHistoryDto>('PUT', '/reps/ana-silva/teams', {
      memberships: [
        { teamId: 'emea', from: '2026-07-01T00:00:00Z' },
        { teamId: 'amer', from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' },
      ],
    });

    const expected = {
      repId: 'ana-silva',
      memberships: [
        { teamId: 'amer', from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
        { teamId: 'emea', from: '2026-07-01T00:00:00.000Z' },
      ],
    };
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expected);
    expect((await suite.service.get('/reps/ana-silva/teams')).body).toEqual(expected);
    expect(suite.changes).toContainEqual({ reps: ['ana-silva'], cause: 'team-history-replaced' });
  });

  it('answers a team’s members at an instant', async () => {
    await suite.service.admin('PUT', '/reps/bo-chen/teams', {
      memberships: [{ teamId: 'emea', from: '2026-03-01T00:00:00Z' }],
    });

    const before = await suite.service.get<TeamMembersDto>('/teams/emea/members?at=2026-05-01T00:00:00Z');
    const after = await suite.service.get<TeamMembersDto>('/teams/emea/members?at=2026-08-01T00:00:00Z');

    expect(before.body).toEqual({ teamId: 'emea', at: '2026-05-01T00:00:00.000Z', repIds: ['bo-chen'] });
    expect(after.body.repIds).toEqual(['ana-silva', 'bo-chen']);
    expect((await suite.service.get<TeamMembersDto>('/teams/amer/members')).body.repIds).toEqual([]);
  });

  it('rejects overlapping memberships (400 naming the later one) and keeps the stored history', async () => {
    const answer = await suite.service.admin<{ errors: { field: string; reasons: string[] }[] }>(
      'PUT',
      '/reps/ana-silva/teams',
      {
        memberships: [
          { teamId: 'amer', from: '2026-01-01T00:00:00Z' },
          { teamId: 'emea', from: '2026-07-01T00:00:00Z' },
          { teamId: 'apac', from: 'yesterday' },
        ],
      },
    );

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((issue) => issue.field).sort()).toEqual([
      'memberships[1].from',
      'memberships[2].from',
    ]);
    expect(answer.body.errors[0].reasons[0]).toMatch(/one team at a time|ISO-8601/);
    const stored = await suite.service.get<TeamHistoryDto>('/reps/ana-silva/teams');
    expect(stored.body.memberships).toHaveLength(2);
  });

  it('refuses a history without the admin token (401)', async () => {
    const answer = await suite.service.call('PUT', '/reps/ana-silva/teams', { body: { memberships: [] } });

    expect(answer.status).toBe(401);
  });
});
