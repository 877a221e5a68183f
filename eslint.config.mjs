import nx from '@nx/eslint-plugin';

// Architecture rules (see README "Layout"): apps never import apps, domain stays pure,
// kafkajs stays behind libs/platform/kafka.
const frameworkAndIo = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  'ioredis',
  'prom-client',
  'class-validator',
  'class-transformer',
];

const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts', 'type:util'],
    bannedExternalImports: ['kafkajs'],
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util'] },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', 'ioredis'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
    bannedExternalImports: frameworkAndIo,
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', 'type:util'],
  },
  // The console's web app runs in the browser: it reads the console API's types and nothing that runs on a server.
  {
    sourceTag: 'type:web',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
    bannedExternalImports: frameworkAndIo,
  },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:util'] },
  // Tools read what they check or document (the AsyncAPI generator reads contracts and platform-kafka's header
  // names); no other tag lists type:tooling, so nothing imports a tool, at run time or in tests.
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:util'] },
  // Operator scripts (demo, benchmarks, OpenAPI writer, topic provisioning) drive built services from outside.
  {
    sourceTag: 'type:scripts',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:testing', 'type:util'],
  },
  // Framework-free building blocks every layer may import, such as the shared vocabularies (libs/shared/vocabulary).
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworkAndIo },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:ingest', 'scope:shared'] },
  { sourceTag: 'scope:scoring', onlyDependOnLibsWithTags: ['scope:scoring', 'scope:shared'] },
  { sourceTag: 'scope:routing', onlyDependOnLibsWithTags: ['scope:routing', 'scope:shared'] },
  { sourceTag: 'scope:quota', onlyDependOnLibsWithTags: ['scope:quota', 'scope:shared'] },
  { sourceTag: 'scope:delivery', onlyDependOnLibsWithTags: ['scope:delivery', 'scope:shared'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
  // Each service's domain lib carries the service's scope, so one service's domain cannot import another's.
  // Operator scripts (demo, benchmarks) drive every service from outside.
  {
    sourceTag: 'scope:operator',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest', 'scope:scoring', 'scope:routing', 'scope:quota'],
  },
];

// Tests may also use the testing helpers.
const testDepConstraints = depConstraints.map((c) =>
  c.sourceTag.startsWith('type:') && c.sourceTag !== 'type:domain' && c.sourceTag !== 'type:util'
    ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'], bannedExternalImports: [] }
    : c,
);

const boundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    banTransitiveDependencies: false,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/tools/build/[^/]+$'],
    depConstraints: constraints,
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '.cache/**', 'tmp/**', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests, benchmarks and the helpers only they import.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.bench.ts', '**/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(testDepConstraints) },
  },
  {
    files: ['**/*.cts', '**/*.cjs', 'scripts/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
