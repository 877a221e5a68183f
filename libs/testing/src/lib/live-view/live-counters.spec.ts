import { Topics } from '@handoff/contracts';
import type { ReadRecord } from '../topic-reader';
import { LiveCounters } from './live-counters';

const INGEST = 'http://127.0.0.1:4100';
let offset = 0;

function record(topic: string, value: object | string): ReadRecord {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { topic, partition: 0, offset: String(offset++), key: null, value: text, headers: {} };
}

const recorded = (leadId: string, sourceId = 'src-1') =>
  record(Topics.engagementRecorded.name, { leadId, sourceId, type: 'page_view' });
const routed = (assignmentId: string, leadId: string, repId: string, trigger = 'qualified', ingest = INGEST) =>
  record(Topics.leadRouted.name, {
    assignmentId,
    leadId,
    repId,
    trigger,
    contactUrl: `${ingest}/leads/${leadId}/contact`,
  });

function countersAfter(records: ReadRecord[]): LiveCounters {
  const counters = new LiveCounters('src-1', `${INGEST}/`);
  for (const each of records) counters.add(each);
  return counters;
}

describe('LiveCounters', () => {
  it("counts the events of the run's source and the leads they name, not another source's", () => {
    const counts = countersAfter([
      recorded('L1'),
      recorded('L1'),
      recorded('L2'),
      recorded('L9', 'src-other'),
    ]).counts();

    expect(counts).toMatchObject({ eventsIngested: 3, leads: 2 });
  });

  it('counts scored and qualified leads of the run only, whichever topic is read first', () => {
    const counts = countersAfter([
      record(Topics.leadScored.name, { leadId: 'L1' }),
      record(Topics.leadScored.name, { leadId: 'L1' }),
      record(Topics.leadScored.name, { leadId: 'L9' }),
      record(Topics.leadQualified.name, { leadId: 'L1' }),
      recorded('L1'),
      recorded('L2'),
      record(Topics.leadScored.name, { leadId: 'L2' }),
    ]).counts();

    expect(counts).toMatchObject({ leadsScored: 2, mqls: 1 });
  });

  it("counts this routing's assignments per rep once each, and reassignments by trigger", () => {
    const counts = countersAfter([
      routed('A1', 'L1', 'ana'),
      routed('A1', 'L1', 'ana'),
      routed('A2', 'L1', 'tom', 'sla_missed'),
      routed('A3', 'L2', 'ana'),
      routed('A4', 'L2', 'mei', 'rejected'),
      routed('A5', 'L3', 'ana', 'qualified', 'http://127.0.0.1:4999'),
    ]).counts();

    expect(counts.leadsRouted).toBe(2);
    expect(counts.routedPerRep).toEqual(
      new Map([
        ['ana', 2],
        ['tom', 1],
        ['mei', 1],
      ]),
    );
    expect(counts.reassignments).toEqual(
      new Map([
        ['sla_missed', 1],
        ['rejected', 1],
      ]),
    );
  });

  it('ignores records that are not JSON objects', () => {
    const counts = countersAfter([
      record(Topics.engagementRecorded.name, 'not json'),
      record(Topics.leadRouted.name, '7'),
    ]).counts();

    expect(counts).toMatchObject({ eventsIngested: 0, leadsRouted: 0 });
  });
});
