import { fieldIssuesOf } from './field-issues';

describe('fieldIssuesOf', () => {
  it('groups `path: reason` issues by field in first-seen order', () => {
    expect(
      fieldIssuesOf(
        [
          'behaviour.rules[0].points: must not be zero',
          'qualification.minGrade: must be one of A, B, C, D',
          'behaviour.rules[0].points: must be a number',
        ],
        '(model)',
      ),
    ).toEqual([
      { field: 'behaviour.rules[0].points', reasons: ['must not be zero', 'must be a number'] },
      { field: 'qualification.minGrade', reasons: ['must be one of A, B, C, D'] },
    ]);
  });

  it('keeps the first ": " as the separator, so a reason may contain one', () => {
    expect(fieldIssuesOf(['rules[2].pool: pool x: unknown'], '(rules)')).toEqual([
      { field: 'rules[2].pool', reasons: ['pool x: unknown'] },
    ]);
  });

  it('files an issue without a path under the whole document', () => {
    expect(fieldIssuesOf(['must be an object'], '(model)')).toEqual([
      { field: '(model)', reasons: ['must be an object'] },
    ]);
  });
});
