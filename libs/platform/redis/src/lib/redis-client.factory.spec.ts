import { reconnectDelay } from './redis-client.factory';

describe('reconnectDelay', () => {
  it('backs off linearly and never gives up, capping the wait at two seconds', () => {
    expect([1, 2, 5, 20, 1000].map(reconnectDelay)).toEqual([100, 200, 500, 2000, 2000]);
  });
});
