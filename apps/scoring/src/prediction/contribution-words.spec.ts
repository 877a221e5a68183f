import { contributionInWords } from './contribution-words';

describe('contributionInWords', () => {
  it.each([
    [{ feature: 'count:demo_request', value: Math.log1p(3), contribution: 0.8 }, '3 × demo request: raises the chance'],
    [
      { feature: 'days_since:email_click', value: 0.1, contribution: 0.2 },
      'last email click 9 days ago: raises the chance',
    ],
    [
      { feature: 'days_since:webinar_attended', value: 1, contribution: -0.1 },
      'no webinar attended in 90 days: lowers the chance',
    ],
    [
      { feature: 'behaviour:intent', value: 42.345, contribution: 0.5 },
      '42.3 behaviour points in intent: raises the chance',
    ],
    [{ feature: 'fit_score', value: 70, contribution: 0.3 }, 'fit score 70: raises the chance'],
    [{ feature: 'seniority:vp', value: 1, contribution: 0.4 }, 'seniority is vp: raises the chance'],
    [{ feature: 'industry:software', value: 0, contribution: -0.2 }, 'industry is not software: lowers the chance'],
    [{ feature: 'company_size:1000+', value: 1, contribution: 0.1 }, '1000+ employees: raises the chance'],
  ])('reads %j as "%s"', (entry, words) => {
    expect(contributionInWords(entry)).toBe(words);
  });
});
