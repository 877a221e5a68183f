import { newestPerRep } from './assignment.store';

describe('newestPerRep', () => {
  it('keeps one record per rep: the newest, or of equal times the later in the chunk', () => {
    const records = [
      { repId: 'eva', occurredAt: '2026-12-01T10:00:00Z', n: 1 },
      { repId: 'emil', occurredAt: '2026-12-01T10:00:00Z', n: 2 },
      { repId: 'eva', occurredAt: '2026-12-01T09:00:00Z', n: 3 },
      { repId: 'emil', occurredAt: '2026-12-01T10:00:00Z', n: 4 },
    ];

    expect(newestPerRep(records).map((record) => record.n)).toEqual([1, 4]);
  });
});
