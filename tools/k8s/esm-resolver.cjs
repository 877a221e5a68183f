/**
 * Jest resolver: the manifest validators (kubernetes-models, @kubernetes-models/*) publish only `import` entry
 * points, which jest's CommonJS resolution does not look at. Resolve those packages with the `import` condition
 * (ts-jest then transpiles them, see jest.config.cts); everything else resolves as Nx's resolver does
 * (workspace libraries through tsconfig paths).
 */
const nxResolver = require('@nx/jest/plugins/resolver');
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/[^/]+|is-cidr|cidr-regex|ip-regex)(\/|$)/;

module.exports = (request, options) =>
  ESM_ONLY.test(request)
    ? options.defaultResolver(request, { ...options, conditions: ['import', 'node', 'default'] })
    : nxResolver(request, options);
