// Integration tests talk to the real broker, PostgreSQL and Redis (see scripts/infra).
const base = require('./jest.config.cts');
// openid-client and its dependencies are ESM-only; the OIDC test loads them in-process, compiled to CommonJS.
const ESM_ONLY = 'openid-client|oauth4webapi|jose';

module.exports = {
  ...base,
  displayName: 'console:int',
  transform: {
    ...base.transform,
    [`/node_modules/(${ESM_ONLY})/.+\\.js$`]: [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY})/)`],
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60000,
};
