import { partitionLags } from './consumer-lag';

const watermarks = [
  { partition: 0, low: '0', high: '10' },
  { partition: 1, low: '0', high: '7' },
  { partition: 2, low: '40', high: '50' },
];

describe('partitionLags', () => {
  it("counts the records between the group's committed offset and the high watermark", () => {
    const committed = [
      { partition: 0, offset: '4' },
      { partition: 1, offset: '7' },
    ];

    expect(partitionLags([0, 1], watermarks, committed)).toEqual([
      { partition: 0, records: 6 },
      { partition: 1, records: 0 },
    ]);
  });

  it('counts from the log start on a partition the group never committed on', () => {
    expect(partitionLags([0, 2], watermarks, [{ partition: 0, offset: '-1' }])).toEqual([
      { partition: 0, records: 10 },
      { partition: 2, records: 10 },
    ]);
  });

  it('counts from the log start when retention deleted records past the committed offset', () => {
    expect(partitionLags([2], watermarks, [{ partition: 2, offset: '12' }])).toEqual([{ partition: 2, records: 10 }]);
  });

  it('reports only the owned partitions, and none the broker did not describe', () => {
    expect(partitionLags([1, 5], watermarks, [])).toEqual([{ partition: 1, records: 7 }]);
  });

  it('never reports a negative lag', () => {
    expect(partitionLags([0], watermarks, [{ partition: 0, offset: '11' }])).toEqual([{ partition: 0, records: 0 }]);
  });
});
