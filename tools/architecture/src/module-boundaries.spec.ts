import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Proves the architecture rules in eslint.config.mjs really restrict: each case lints a probe file
 * placed (virtually) inside a project and expects the boundary rule to reject or accept it.
 */
const workspaceRoot = join(__dirname, '../../..');

type Probe = [description: string, filePath: string, code: string];

const mustFail: Probe[] = [
  ['an app imports another app', 'apps/scoring/src/probe.ts', "import '../../ingest/src/main';"],
  [
    'a domain lib imports @nestjs/common',
    'libs/domain/identity/src/probe.ts',
    "export { Injectable } from '@nestjs/common';",
  ],
  ['a domain lib imports typeorm', 'libs/domain/identity/src/probe.ts', "export { Entity } from 'typeorm';"],
  [
    'a domain lib imports a platform lib',
    'libs/domain/identity/src/probe.ts',
    "export * from '@handoff/platform-observability';",
  ],
  [
    'the scoring domain imports the identity domain',
    'libs/domain/scoring/src/probe.ts',
    "export * from '@handoff/domain-identity';",
  ],
  [
    'the identity domain imports the scoring domain',
    'libs/domain/identity/src/probe.ts',
    "export * from '@handoff/domain-scoring';",
  ],
  ['ingest imports the scoring domain', 'apps/ingest/src/probe.ts', "export * from '@handoff/domain-scoring';"],
  [
    'the routing domain imports the scoring domain',
    'libs/domain/routing/src/probe.ts',
    "export * from '@handoff/domain-scoring';",
  ],
  ['routing imports the scoring domain', 'apps/routing/src/probe.ts', "export * from '@handoff/domain-scoring';"],
  [
    'the quota domain imports the routing domain',
    'libs/domain/quota/src/probe.ts',
    "export * from '@handoff/domain-routing';",
  ],
  [
    'the routing domain imports the quota domain',
    'libs/domain/routing/src/probe.ts',
    "export * from '@handoff/domain-quota';",
  ],
  [
    'the quota domain imports @nestjs/common',
    'libs/domain/quota/src/probe.ts',
    "export { Injectable } from '@nestjs/common';",
  ],
  ['routing imports the quota domain', 'apps/routing/src/probe.ts', "export * from '@handoff/domain-quota';"],
  ['quota imports the routing domain', 'apps/quota/src/probe.ts', "export * from '@handoff/domain-routing';"],
  ['delivery imports the routing domain', 'apps/delivery/src/probe.ts', "export * from '@handoff/domain-routing';"],
  ['delivery imports another app', 'apps/delivery/src/probe.ts', "import '../../quota/src/main';"],
  ['an app imports kafkajs directly', 'apps/ingest/src/probe.ts', "export { Kafka } from 'kafkajs';"],
  [
    'contracts import a platform lib',
    'libs/contracts/src/probe.ts',
    "export * from '@handoff/platform-observability';",
  ],
  ['production code imports the testing lib', 'apps/ingest/src/probe.ts', "export * from '@handoff/testing';"],
  ['an app imports the AsyncAPI tool', 'apps/ingest/src/probe.ts', "export * from '@handoff/asyncapi';"],
  ['contracts import the AsyncAPI tool', 'libs/contracts/src/probe.ts', "export * from '@handoff/asyncapi';"],
  [
    'a platform lib imports the AsyncAPI tool',
    'libs/platform/kafka/src/probe.ts',
    "export * from '@handoff/asyncapi';",
  ],
  ['a test imports the AsyncAPI tool', 'apps/scoring/src/probe.spec.ts', "export * from '@handoff/asyncapi';"],
  ['the scripts import the AsyncAPI tool', 'scripts/probe.ts', "export * from '@handoff/asyncapi';"],
  [
    'the vocabulary lib imports contracts',
    'libs/shared/vocabulary/src/probe.ts',
    "export * from '@handoff/contracts';",
  ],
  [
    'the vocabulary lib imports a domain lib',
    'libs/shared/vocabulary/src/probe.ts',
    "export * from '@handoff/domain-scoring';",
  ],
  [
    'the vocabulary lib imports a platform lib',
    'libs/shared/vocabulary/src/probe.ts',
    "export * from '@handoff/platform-config';",
  ],
  [
    'the vocabulary lib imports class-validator',
    'libs/shared/vocabulary/src/probe.ts',
    "export { IsIn } from 'class-validator';",
  ],
  [
    'the errors lib imports @nestjs/common',
    'libs/shared/errors/src/probe.ts',
    "export { HttpStatus } from '@nestjs/common';",
  ],
  ['the errors lib imports contracts', 'libs/shared/errors/src/probe.ts', "export * from '@handoff/contracts';"],
  [
    'the console web app imports a platform lib',
    'apps/console-web/src/probe.ts',
    "export * from '@handoff/platform-config';",
  ],
  ['the console web app imports @nestjs/common', 'apps/console-web/src/probe.ts', "export * from '@nestjs/common';"],
  [
    'the console backend imports the scoring domain',
    'apps/console/src/probe.ts',
    "export * from '@handoff/domain-scoring';",
  ],
  ['the console backend imports a service', 'apps/console/src/probe.ts', "import '../../scoring/src/main';"],
];

const mustPass: Probe[] = [
  [
    'the console web app reads the console API types',
    'apps/console-web/src/probe.ts',
    "export type * from '@handoff/console-api';",
  ],
  [
    'the console backend reads the console API types',
    'apps/console/src/probe.ts',
    "export type * from '@handoff/console-api';",
  ],
  ['an app imports its own domain lib', 'apps/ingest/src/probe.ts', "export * from '@handoff/domain-identity';"],
  ['scoring imports its own domain lib', 'apps/scoring/src/probe.ts', "export * from '@handoff/domain-scoring';"],
  ['quota imports its own domain lib', 'apps/quota/src/probe.ts', "export * from '@handoff/domain-quota';"],
  [
    'the quota domain imports the errors lib',
    'libs/domain/quota/src/probe.ts',
    "export * from '@handoff/shared-errors';",
  ],
  ['an operator script imports a domain lib', 'scripts/probe.ts', "export * from '@handoff/domain-scoring';"],
  ['an app imports a platform lib', 'apps/ingest/src/probe.ts', "export * from '@handoff/platform-observability';"],
  ['a test imports the testing lib', 'apps/ingest/src/probe.spec.ts', "export * from '@handoff/testing';"],
  ['the AsyncAPI tool imports the contracts', 'tools/asyncapi/src/probe.ts', "export * from '@handoff/contracts';"],
  [
    'the AsyncAPI tool imports platform-kafka',
    'tools/asyncapi/src/probe.spec.ts',
    "export * from '@handoff/platform-kafka';",
  ],
  ['contracts import the vocabulary lib', 'libs/contracts/src/probe.ts', "export * from '@handoff/shared-vocabulary';"],
  [
    'a domain lib imports the vocabulary lib',
    'libs/domain/scoring/src/probe.ts',
    "export * from '@handoff/shared-vocabulary';",
  ],
  ['an app imports the vocabulary lib', 'apps/scoring/src/probe.ts', "export * from '@handoff/shared-vocabulary';"],
  [
    'a domain lib imports the errors lib',
    'libs/domain/scoring/src/probe.ts',
    "export * from '@handoff/shared-errors';",
  ],
  ['contracts import the errors lib', 'libs/contracts/src/probe.ts', "export * from '@handoff/shared-errors';"],
  [
    'a platform lib imports the errors lib',
    'libs/platform/kafka/src/probe.ts',
    "export * from '@handoff/shared-errors';",
  ],
];

function lintProbes(probes: Probe[]): string[][] {
  const input = JSON.stringify(probes.map(([, filePath, code]) => ({ filePath, code })));
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs'), workspaceRoot], {
    input,
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return JSON.parse(output.toString());
}

describe('module boundaries', () => {
  let results: string[][];

  beforeAll(() => {
    results = lintProbes([...mustFail, ...mustPass]);
  });

  it.each(mustFail.map((probe, index) => [probe[0], index] as const))('rejects: %s', (_description, index) => {
    expect(results[index]).not.toHaveLength(0);
  });

  it.each(mustPass.map((probe, index) => [probe[0], mustFail.length + index] as const))(
    'accepts: %s',
    (_description, index) => {
      expect(results[index]).toEqual([]);
    },
  );
});
