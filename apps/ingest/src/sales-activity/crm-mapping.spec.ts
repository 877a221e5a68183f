import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCrmMappings, mapCrmPayload } from './crm-mapping';

const { 'deal-stage-changed': dealStageChanged } = loadCrmMappings();

function dealPayload(stage: string, deal: Record<string, unknown> = {}) {
  return {
    id: 'evt_1',
    occurred_at: '2026-12-01T10:00:00Z',
    deal: {
      id: 'D-42',
      stage,
      amount: '12000.50',
      currency: 'EUR',
      owner: { id: 'ana-silva' },
      lost_reason: null,
      custom_fields: { handoff_lead_id: '7f0c1c3e-7a43-4a0e-9c59-2f8f3b0b6f11' },
      ...deal,
    },
  };
}

function mappingsFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-')), 'mappings.yaml');
  writeFileSync(file, content);
  return file;
}

describe('the shipped "deal stage changed" mapping', () => {
  it('turns a won deal into a won outcome with its deal, rep and amount (a decimal string made a number)', () => {
    expect(mapCrmPayload(dealStageChanged, dealPayload('closed_won'))).toEqual({
      outcome: {
        messageId: 'evt_1',
        leadId: '7f0c1c3e-7a43-4a0e-9c59-2f8f3b0b6f11',
        occurredAt: '2026-12-01T10:00:00Z',
        repId: 'ana-silva',
        dealId: 'D-42',
        amount: 12000.5,
        currency: 'EUR',
        outcome: 'won',
      },
    });
  });

  it('maps the other stages that are outcomes, and leaves out values the payload does not have', () => {
    const lost = mapCrmPayload(dealStageChanged, dealPayload('closed_lost', { lost_reason: 'budget', amount: null }));
    expect(lost).toMatchObject({ outcome: { outcome: 'lost', reason: 'budget' } });
    expect('outcome' in lost && 'amount' in lost.outcome).toBe(false);
    expect(mapCrmPayload(dealStageChanged, dealPayload('qualified'))).toMatchObject({
      outcome: { outcome: 'accepted' },
    });
  });

  it('ignores a stage that is not an outcome, and a payload without a stage, saying so', () => {
    expect(mapCrmPayload(dealStageChanged, dealPayload('proposal'))).toEqual({
      ignored: 'stage "proposal" is not an outcome',
    });
    expect(mapCrmPayload(dealStageChanged, { id: 'evt_2' })).toEqual({ ignored: 'stage null is not an outcome' });
  });
});

describe('loadCrmMappings', () => {
  it('adds the mappings of a file to the shipped ones', () => {
    const file = mappingsFile(
      'won-only:\n  fields: { messageId: id, leadId: lead }\n  outcome: { from: s, values: { w: won } }\n',
    );

    const mappings = loadCrmMappings(file);

    expect(Object.keys(mappings).sort()).toEqual(['deal-stage-changed', 'won-only']);
    expect(mapCrmPayload(mappings['won-only'], { id: 'x', lead: 'l', s: 'w' })).toEqual({
      outcome: { messageId: 'x', leadId: 'l', outcome: 'won' },
    });
  });

  it('fails the boot on a stage mapped to something that is not an outcome, or an unknown field, naming them', () => {
    const badOutcome = mappingsFile('m:\n  fields: { messageId: id }\n  outcome: { from: s, values: { w: closed } }\n');
    const badField = mappingsFile('m:\n  fields: { dealValue: x }\n  outcome: { from: s, values: { w: won } }\n');

    expect(() => loadCrmMappings(badOutcome)).toThrow(/m: stages w map to no outcome/);
    expect(() => loadCrmMappings(badField)).toThrow(/m: unknown fields dealValue/);
  });
});
