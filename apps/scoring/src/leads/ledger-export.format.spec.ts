import { exportHeader, exportLines } from './ledger-export.format';
import type { LedgerView } from './ledger.reader';

const row: LedgerView = {
  id: '7',
  kind: 'awarded',
  eventId: '0b7f5a52-4d7e-4b43-9f57-1f0c2a8d9e01',
  causeEventId: '0b7f5a52-4d7e-4b43-9f57-1f0c2a8d9e01',
  ruleId: 'pricing-page',
  modelVersion: 'v1,beta',
  occurredAt: '2026-03-02T10:15:00.000Z',
  recordedAt: '2026-03-02T10:15:01.000Z',
  points: 10,
  previousAwarded: 0,
  awarded: 10,
  pointsAfterDecay: 9.99,
  cap: null,
  mergedFromLeadId: null,
};

describe('ledger export formats', () => {
  it('writes CSV with a header, CRLF line ends, empty nulls and quoted fields that need it', () => {
    expect(exportHeader('csv')).toBe(
      'id,kind,eventId,causeEventId,ruleId,modelVersion,occurredAt,recordedAt,points,previousAwarded,awarded,' +
        'pointsAfterDecay,cap,mergedFromLeadId\r\n',
    );
    expect(exportLines('csv', [row])).toBe(
      '7,awarded,0b7f5a52-4d7e-4b43-9f57-1f0c2a8d9e01,0b7f5a52-4d7e-4b43-9f57-1f0c2a8d9e01,pricing-page,"v1,beta",' +
        '2026-03-02T10:15:00.000Z,2026-03-02T10:15:01.000Z,10,0,10,9.99,,\r\n',
    );
  });

  it('doubles quotes inside a quoted CSV field', () => {
    expect(exportLines('csv', [{ ...row, ruleId: 'say "hi"' }])).toContain(',"say ""hi""",');
  });

  it('writes one JSON object per line for NDJSON, with no header', () => {
    expect(exportHeader('ndjson')).toBe('');
    const lines = exportLines('ndjson', [row, { ...row, id: '8' }]).split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1])).toEqual({ ...row, id: '8' });
  });
});
