// Integration tests talk to the real broker, PostgreSQL and Redis (see scripts/infra).
module.exports = {
  ...require('./jest.config.cts'),
  displayName: 'console:int',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60000,
};
