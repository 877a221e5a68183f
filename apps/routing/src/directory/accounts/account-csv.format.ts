import type { Account } from '@handoff/domain-routing';
import { AccountBodyDto } from './account.dto';
import { readList, writeList, writeOptional, type CsvFormat } from '@handoff/platform-runtime';

/** The accounts CSV: one account a row; `domains` is `;`-separated; empty owner or segment cells mean none. */
export const ACCOUNT_CSV_FORMAT: CsvFormat<AccountBodyDto, Account> = {
  subject: 'accounts CSV',
  columns: [
    { name: 'id', required: true },
    { name: 'name', required: true },
    { name: 'domains', required: false },
    { name: 'ownerRepId', required: false },
    { name: 'segment', required: false },
  ],
  body: AccountBodyDto,
  bodyOf: (record) => {
    const cell = (column: string) => record.cells.get(column) ?? '';
    return {
      id: cell('id'),
      name: cell('name'),
      domains: readList(cell('domains')),
      ...(cell('ownerRepId') === '' ? {} : { ownerRepId: cell('ownerRepId') }),
      ...(cell('segment') === '' ? {} : { segment: cell('segment') }),
    };
  },
  cellsOf: (account) => [
    account.id,
    account.name,
    writeList(account.domains),
    writeOptional(account.ownerRepId),
    writeOptional(account.segment),
  ],
  columnOf: ([field, ...inner]) => ({ column: field, inner }),
};
