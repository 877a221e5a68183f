/// <reference types="node" />
// The web app's tsconfig emits ES modules without Node types (for Vite); its unit tests compile to CommonJS
// through tsconfig.spec.json, and this file is read by ts-node under that browser tsconfig, hence the reference.
module.exports = require('../../tools/build/jest-project.config')(__dirname, 'console-web', {
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
});
