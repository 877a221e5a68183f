const { relative } = require('path');

/**
 * Jest config of one project: unit tests are `src/**\/*.spec.ts`, compiled by ts-jest with the
 * project's tsconfig (isolatedModules: type-checking is the typecheck target's job).
 */
module.exports = function jestProjectConfig(projectDir, displayName, overrides = {}) {
  return {
    displayName,
    preset: `${relative(projectDir, __dirname + '/../..')}/jest.preset.js`,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
    moduleFileExtensions: ['ts', 'js'],
    ...overrides,
  };
};
