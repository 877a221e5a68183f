import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Topics, type SalesActivityV1 } from '@handoff/contracts';
import { type HandoffApp, type HandoffStack, startHandoffStack, TopicReader, TopicWriter } from '@handoff/testing';

const workspaceRoot = join(__dirname, '../../../..');

/** One test file's services, a reader of the topics it checks and a writer for what other systems would send. */
export interface E2eRun<A extends HandoffApp> {
  /** A suffix for ids that travel on shared topics (rep ids, visitors), fresh per run. */
  id: string;
  stack: HandoffStack<A>;
  reader: TopicReader;
  publish(topic: string, key: string, value: object): Promise<void>;
  /** Reports a sales outcome on sales.activity.v1, keyed by its lead, as a sales system does. */
  report(activity: SalesActivityV1): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the built `apps` (with extra `settings` per app) and reads `topics` from their current end. */
export async function startE2eRun<A extends HandoffApp>(
  apps: readonly A[],
  topics: string[],
  settings: Partial<Record<A, Record<string, string>>> = {},
): Promise<E2eRun<A>> {
  const stack = await startHandoffStack(workspaceRoot, apps, settings);
  const reader = await TopicReader.startAtEnd(topics);
  const writer = await TopicWriter.connect();
  const publish = async (topic: string, key: string, value: object) => {
    await writer.write(topic, { key, value: JSON.stringify(value) });
  };
  return {
    id: randomUUID().slice(0, 8),
    stack,
    reader,
    publish,
    report: (activity) => publish(Topics.salesActivity.name, activity.leadId, activity),
    stop: async () => {
      await writer.disconnect();
      await reader.stop();
      await stack.stop();
    },
  };
}
