import type { SampleLead } from '../../api/routing';

export const SAMPLE_TEXT_FIELDS = [
  ['country', 'Country (ISO code)'],
  ['region', 'Region'],
  ['postalCode', 'Postal code'],
  ['industry', 'Industry'],
  ['company', 'Company'],
  ['companyDomain', 'Company domain'],
  ['emailDomain', 'Email domain'],
  ['productInterest', 'Product interest'],
  ['source', 'Source'],
] as const;

export type SampleLeadForm = Record<(typeof SAMPLE_TEXT_FIELDS)[number][0], string> & {
  employeeCount: string;
  grade: SampleLead['grade'];
  behaviourScore: string;
  fitScore: string;
};

export const EMPTY_SAMPLE_LEAD: SampleLeadForm = {
  country: '',
  region: '',
  postalCode: '',
  industry: '',
  company: '',
  companyDomain: '',
  emailDomain: '',
  productInterest: '',
  source: '',
  employeeCount: '',
  grade: 'A',
  behaviourScore: '60',
  fitScore: '40',
};

function numberOf(label: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`${label} must be a number`);
  return value;
}

/** The dry-run lead from the form: empty fields left out, numbers read as numbers. */
export function sampleLeadFrom(form: SampleLeadForm): SampleLead {
  const lead: SampleLead = {
    grade: form.grade,
    behaviourScore: numberOf('Behaviour score', form.behaviourScore),
    fitScore: numberOf('Fit score', form.fitScore),
  };
  for (const [field] of SAMPLE_TEXT_FIELDS) {
    const value = form[field].trim();
    if (value) lead[field] = value;
  }
  if (form.employeeCount.trim()) lead.employeeCount = Math.round(numberOf('Employee count', form.employeeCount));
  return lead;
}
