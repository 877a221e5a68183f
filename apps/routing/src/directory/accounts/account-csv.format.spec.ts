import type { Account } from '@handoff/domain-routing';
import { ACCOUNT_CSV_FORMAT } from './account-csv.format';
import { accountOf } from './account.dto';
import { readRows, parseCsvTable, stringifyCsv } from '@handoff/platform-runtime';

function imported(csv: string) {
  const table = parseCsvTable(csv, ACCOUNT_CSV_FORMAT.subject, ACCOUNT_CSV_FORMAT.columns);
  const { rows, rejected } = readRows(table, ACCOUNT_CSV_FORMAT);
  return { rejected, accounts: rows.map((row) => accountOf(row.id, row.body)) };
}

describe('the accounts CSV format', () => {
  it('reads back the accounts it writes, with and without owner, segment and domains', () => {
    const accounts: Account[] = [
      {
        id: 'acme',
        name: 'Acme, "the" company',
        domains: ['acme.com', 'acme.de'],
        ownerRepId: 'ana',
        segment: 'enterprise',
      },
      { id: 'solo', name: 'Solo', domains: [] },
    ];
    const csv = stringifyCsv(
      ACCOUNT_CSV_FORMAT.columns.map((column) => column.name),
      accounts.map(ACCOUNT_CSV_FORMAT.cellsOf),
    );

    expect(csv.split('\n')[0]).toBe('id,name,domains,ownerRepId,segment');
    expect(imported(csv)).toEqual({ rejected: [], accounts });
  });

  it('normalises domains and reports invalid ones by column', () => {
    const csv = 'id,name,domains\nacme,Acme, ACME.com ; acme.de. \nbad,Bad,not a domain';

    expect(imported(csv)).toEqual({
      accounts: [{ id: 'acme', name: 'Acme', domains: ['acme.com', 'acme.de'] }],
      rejected: [
        {
          row: 3,
          id: 'bad',
          status: 'rejected',
          errors: [{ field: 'domains', reasons: [expect.stringContaining('domain')] }],
        },
      ],
    });
  });
});
