import { quotaApiSuite } from '../testing/quota-api-suite';

const suite = quotaApiSuite('quota_rep_limits_int', { QUOTA_DEFAULT_MAX_OPEN_LEADS: '17' });

describe('lead limits', () => {
  it('answers the default limit for a rep without one, marked default', async () => {
    const answer = await suite.service.get('/reps/ana-silva/limits');

    expect(answer.body).toEqual({ repId: 'ana-silva', maxOpenLeads: 17, default: true });
  });

  it('sets a rep’s limit, then returns it to the default', async () => {
    const set = await suite.service.admin('PUT', '/reps/ana-silva/limits', { maxOpenLeads: 40 });

    expect(set.status).toBe(200);
    expect(set.body).toEqual({ repId: 'ana-silva', maxOpenLeads: 40, default: false });
    expect((await suite.service.get('/reps/ana-silva/limits')).body).toEqual(set.body);
    expect(suite.changes).toContainEqual({ reps: ['ana-silva'], cause: 'limit-set' });

    const cleared = await suite.service.admin('DELETE', '/reps/ana-silva/limits');

    expect(cleared.body).toEqual({ repId: 'ana-silva', maxOpenLeads: 17, default: true });
    expect((await suite.service.get('/reps/ana-silva/limits')).body).toEqual(cleared.body);
  });

  it('rejects a limit that is not a whole number from 0 (400) and a write without the admin token (401)', async () => {
    const negative = await suite.service.admin<{ errors: { field: string }[] }>('PUT', '/reps/ana-silva/limits', {
      maxOpenLeads: -1,
    });
    const unauthorised = await suite.service.call('PUT', '/reps/ana-silva/limits', { body: { maxOpenLeads: 3 } });

    expect(negative.status).toBe(400);
    expect(negative.body.errors.map((issue) => issue.field)).toEqual(['maxOpenLeads']);
    expect(unauthorised.status).toBe(401);
  });
});
