import { EMPTY_SAMPLE_LEAD, sampleLeadFrom } from './dry-run-lead';

describe('sampleLeadFrom', () => {
  it('keeps the filled fields, trimmed, and reads numbers', () => {
    const lead = sampleLeadFrom({
      ...EMPTY_SAMPLE_LEAD,
      country: ' PT ',
      employeeCount: '250',
      companyDomain: 'acme.example',
      behaviourScore: '72.5',
    });
    expect(lead).toEqual({
      grade: 'A',
      behaviourScore: 72.5,
      fitScore: 40,
      country: 'PT',
      companyDomain: 'acme.example',
      employeeCount: 250,
    });
  });

  it('rejects a score that is not a number', () => {
    expect(() => sampleLeadFrom({ ...EMPTY_SAMPLE_LEAD, fitScore: 'high' })).toThrow('Fit score must be a number');
    expect(() => sampleLeadFrom({ ...EMPTY_SAMPLE_LEAD, behaviourScore: '' })).toThrow('Behaviour score');
  });
});
