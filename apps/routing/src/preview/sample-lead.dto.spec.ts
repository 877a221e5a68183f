import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldIssues } from '@handoff/contracts';
import { leadToRouteOf, SAMPLE_LEAD_ID, SampleLeadDto } from './sample-lead.dto';

const sampleOf = (plain: Record<string, unknown>) => plainToInstance(SampleLeadDto, plain);
const issuesOf = (plain: Record<string, unknown>) =>
  toFieldIssues(validateSync(sampleOf(plain), { whitelist: true, forbidNonWhitelisted: true }));

describe('SampleLeadDto', () => {
  it('maps a sample to the decision input: every given field, none of the absent ones, the sample ids', () => {
    const plain = { country: 'de', employeeCount: 1200, grade: 'A', behaviourScore: 72, fitScore: 80 };
    expect(issuesOf(plain)).toEqual([]);
    expect(leadToRouteOf(sampleOf(plain))).toEqual({
      leadId: SAMPLE_LEAD_ID,
      qualificationId: SAMPLE_LEAD_ID,
      country: 'DE',
      employeeCount: 1200,
      grade: 'A',
      behaviourScore: 72,
      fitScore: 80,
    });
  });

  it('carries every routing attribute routing reads from lead.qualified.v2', () => {
    const attributes = {
      country: 'US',
      region: 'CA',
      postalCode: '94105',
      employeeCount: 40,
      industry: 'retail',
      grade: 'B',
      behaviourScore: 55.5,
      fitScore: 61,
      productInterest: 'analytics',
      source: 'webinar',
      company: 'Acme Inc',
      companyDomain: 'acme.com',
      emailDomain: 'mail.acme.com',
    };
    expect(leadToRouteOf(sampleOf(attributes))).toEqual({
      ...attributes,
      leadId: SAMPLE_LEAD_ID,
      qualificationId: SAMPLE_LEAD_ID,
    });
  });

  it('names every invalid field and the missing required ones', () => {
    const fields = issuesOf({ country: 'Germany', employeeCount: -1, companyDomain: 'acme', email: 'x@y.z' }).map(
      (issue) => issue.field,
    );
    expect(fields.sort()).toEqual(
      ['behaviourScore', 'companyDomain', 'country', 'email', 'employeeCount', 'fitScore', 'grade'].sort(),
    );
  });
});
