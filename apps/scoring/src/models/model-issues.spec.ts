import { toFieldIssues } from './model-issues';

describe('toFieldIssues', () => {
  it('groups the domain issues by field in first-seen order', () => {
    expect(
      toFieldIssues([
        'behaviour.rules[0].points: must not be zero',
        'qualification.minGrade: must be one of A, B, C, D',
        'behaviour.rules[0].points: must be a number',
      ]),
    ).toEqual([
      { field: 'behaviour.rules[0].points', reasons: ['must not be zero', 'must be a number'] },
      { field: 'qualification.minGrade', reasons: ['must be one of A, B, C, D'] },
    ]);
  });

  it('files an issue without a path under the model as a whole', () => {
    expect(toFieldIssues(['must be an object'])).toEqual([{ field: '(model)', reasons: ['must be an object'] }]);
  });
});
