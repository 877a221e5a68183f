import { trustedProxiesOf } from './trusted-proxies';

describe('trustedProxiesOf', () => {
  it('trusts no proxy when the setting is unset', () => {
    expect(trustedProxiesOf(undefined)).toBe(false);
  });

  it('reads a hop count as a number, so Express counts hops rather than matching an address', () => {
    expect(trustedProxiesOf('1')).toBe(1);
  });

  it('passes addresses, subnets and Express keywords through', () => {
    expect(trustedProxiesOf('10.0.0.0/8, loopback')).toBe('10.0.0.0/8, loopback');
  });
});
