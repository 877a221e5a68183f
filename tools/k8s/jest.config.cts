/**
 * The manifest validators (kubernetes-models and the @kubernetes-models CRD packages) are published as ES
 * modules only, which jest's CommonJS runtime cannot load: esm-resolver.cjs resolves their `import` entry points
 * and ts-jest transpiles them to CommonJS like our own sources.
 */
// is-cidr and cidr-regex: ES-module dependencies of their validators.
const esmOnly = ['kubernetes-models', '@kubernetes-models', 'is-cidr', 'cidr-regex', 'ip-regex'];

module.exports = require('../../tools/build/jest-project.config')(__dirname, 'k8s', {
  resolver: '<rootDir>/esm-resolver.cjs',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    '^.+\\.m?js$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.esm-deps.json' }],
  },
  // Ignore a node_modules path unless its last package is one of those (they nest their own node_modules).
  transformIgnorePatterns: [`/node_modules/(?!(.*/node_modules/)?(${esmOnly.join('|')})/)(?!.*/node_modules/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs'],
});
