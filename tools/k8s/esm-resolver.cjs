/**
 * Jest resolver: the manifest validators (kubernetes-models, @kubernetes-models/*) publish only `import` entry
 * points, which jest's CommonJS resolution does not look at. Resolve those packages with the `import` condition
 * (ts-jest then transpiles them, see jest.config.cts); everything else resolves as usual.
 */
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/[^/]+|is-cidr|cidr-regex|ip-regex)(\/|$)/;

module.exports = (request, options) =>
  options.defaultResolver(
    request,
    ESM_ONLY.test(request) ? { ...options, conditions: ['import', 'node', 'default'] } : options,
  );
