// The web app's tsconfig emits ES modules for Vite; its unit tests compile to CommonJS through tsconfig.spec.json.
module.exports = require('../../tools/build/jest-project.config')(__dirname, 'console-web', {
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
});
