import type { SessionRequest } from '../auth/console-session';
import { userSession } from '../testing/http-context';
import { auditRecordOf, outcomeOf } from './audit.interceptor';

const request = (session = userSession('admin')) =>
  ({
    path: '/api/routing/reps/rep-7/pause',
    params: { id: 'rep-7' },
    consoleSession: session,
  }) as unknown as SessionRequest;

describe('the audit line of an audited route', () => {
  it('names the signed-in actor and the route parameter the action is done to', () => {
    const record = auditRecordOf(request(), { action: 'rep.pause', targetParam: 'id' }, 'succeeded', { status: 201 });

    expect(record).toEqual({
      actorId: 'local:admin',
      actorName: 'admin',
      action: 'rep.pause',
      target: 'rep-7',
      outcome: 'succeeded',
      detail: { status: 201 },
    });
  });

  it('names the whole path when the route names no parameter', () => {
    expect(auditRecordOf(request(), { action: 'rep.pause' }, 'failed', { status: 502 }).target).toBe(
      '/api/routing/reps/rep-7/pause',
    );
  });
});

describe('outcomeOf', () => {
  it('counts a 2xx or 3xx answer as succeeded and a service refusal passed through with its status as failed', () => {
    expect([200, 201, 204, 302, 400, 404, 409, 502].map(outcomeOf)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
  });
});
