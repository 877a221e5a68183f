import { type AuthenticatedSource, signingSecretsOf } from './authenticated-source';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const rotated: AuthenticatedSource = {
  id: 's-1',
  name: 'Rotated',
  requireSignature: true,
  signingSecret: 'hsec_new',
  previousSigningSecret: { secret: 'hsec_old', validUntil: NOW + 1000 },
};

describe('signingSecretsOf', () => {
  it('accepts the current and the previous secret during the grace period', () => {
    expect(signingSecretsOf(rotated, NOW)).toEqual(['hsec_new', 'hsec_old']);
  });

  it('accepts only the current secret once the grace period is over', () => {
    expect(signingSecretsOf(rotated, NOW + 1000)).toEqual(['hsec_new']);
  });

  it('accepts no secret for a source that never had one', () => {
    expect(signingSecretsOf({ id: 's-2', name: 'Plain', requireSignature: false }, NOW)).toEqual([]);
  });
});
