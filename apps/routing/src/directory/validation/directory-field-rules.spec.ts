import { ContractViolationError, type FieldIssue, validatePayload } from '@handoff/contracts';
import { NEXT_YEAR } from '../../testing/directory-fixtures';
import { AccountBodyDto } from '../accounts/account.dto';
import { OutOfOfficeQuery } from '../reps/availability.dto';
import { RepBodyDto } from '../reps/rep.dto';
import { TerritoryBodyDto } from '../territories/territory.dto';

type Body = abstract new () => object;

function issuesOf(type: Body, raw: object): FieldIssue[] {
  try {
    validatePayload(type as new () => object, raw, 'test');
    return [];
  } catch (error) {
    if (error instanceof ContractViolationError) return error.issues;
    throw error;
  }
}

const rep = (workingHours: object, extra: object = {}) => ({
  name: 'Ana',
  timeZone: 'Europe/Berlin',
  workingHours,
  ...extra,
});
const fieldsOf = (issues: FieldIssue[]) => issues.map((issue) => issue.field);

describe('directory field rules', () => {
  it('accepts working windows that touch and one ending at 24:00', () => {
    const hours = {
      mon: [
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ],
      sun: [],
    };

    expect(issuesOf(RepBodyDto, rep(hours))).toEqual([]);
  });

  it('rejects a window ending before it starts, overlapping windows and times outside the day', () => {
    const hours = {
      mon: [{ start: '10:00', end: '09:00' }],
      tue: [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '17:00' },
      ],
      wed: [{ start: '24:00', end: '24:00' }],
      thu: [{ start: '9:00', end: '24:01' }],
    };

    expect(issuesOf(RepBodyDto, rep(hours))).toEqual([
      { field: 'workingHours.mon.0.end', reasons: ['end must be after start'] },
      { field: 'workingHours.tue', reasons: ['tue must not have overlapping windows'] },
      { field: 'workingHours.wed.0.start', reasons: [expect.stringMatching(/^start must be a local time HH:mm/)] },
      { field: 'workingHours.wed.0.end', reasons: ['end must be after start'] },
      { field: 'workingHours.thu.0.start', reasons: [expect.stringMatching(/^start must be a local time HH:mm/)] },
      { field: 'workingHours.thu.0.end', reasons: [expect.stringMatching(/^end must be a local time HH:mm/)] },
    ]);
  });

  it('takes IANA time zones only', () => {
    expect(issuesOf(RepBodyDto, { ...rep({}), timeZone: 'America/Sao_Paulo' })).toEqual([]);
    for (const timeZone of ['CET+1', 'Mars/Olympus', '+01:00', '']) {
      expect(fieldsOf(issuesOf(RepBodyDto, { ...rep({}), timeZone }))).toEqual(['timeZone']);
    }
  });

  it('refuses list items a CSV cell could not hold, repeated items and contact fields', () => {
    const issues = issuesOf(RepBodyDto, rep({}, { skills: ['a;b', ' padded'], teamIds: ['x', 'x'], email: 'a@b.co' }));

    expect(fieldsOf(issues).sort()).toEqual(['email', 'skills', 'teamIds']);
  });

  it('stores domains lower-case without a trailing dot, countries and postal prefixes upper-case', () => {
    const account = validatePayload(AccountBodyDto, { name: ' Acme ', domains: ['Acme.COM.'] }, 'test');
    const territory = validatePayload(
      TerritoryBodyDto,
      { name: 'N', countries: ['de'], postalPrefixes: ['sw1'] },
      'test',
    );

    expect(account).toMatchObject({ name: 'Acme', domains: ['acme.com'] });
    expect(territory).toMatchObject({ countries: ['DE'], postalPrefixes: ['SW1'] });
    expect(fieldsOf(issuesOf(AccountBodyDto, { name: 'A', domains: ['localhost', 'acme.com', 'ACME.com'] }))).toEqual([
      'domains',
    ]);
    expect(fieldsOf(issuesOf(TerritoryBodyDto, { name: 'T', countries: ['XX'] }))).toEqual(['countries']);
  });

  it('needs both ends to name one out-of-office period, the end after the start', () => {
    const from = `${NEXT_YEAR}-01-02T00:00:00Z`;

    expect(issuesOf(OutOfOfficeQuery, {})).toEqual([]);
    expect(fieldsOf(issuesOf(OutOfOfficeQuery, { from }))).toEqual(['to']);
    expect(fieldsOf(issuesOf(OutOfOfficeQuery, { from, to: `${NEXT_YEAR}-01-01T00:00:00Z` }))).toEqual(['to']);
  });
});
