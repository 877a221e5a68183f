import { seriesData } from './series-data';

describe('seriesData', () => {
  it('orders the points oldest first and labels each', () => {
    const rows = seriesData(
      [
        { t: '2026-01-01T11:00:00Z', value: 2 },
        { t: '2026-01-01T10:00:00Z', value: 1 },
      ],
      (iso) => iso.slice(11, 16),
    );
    expect(rows).toEqual([
      { label: '10:00', value: 1 },
      { label: '11:00', value: 2 },
    ]);
  });
});
