import { DomainError } from '@handoff/shared-errors';
import { parseCsvTable } from './csv-table';

const COLUMNS = [
  { name: 'id', required: true },
  { name: 'name', required: true },
  { name: 'note', required: false },
];

const problemOf = (text: unknown): DomainError => {
  try {
    parseCsvTable(text, 'test CSV', COLUMNS);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the file to be rejected');
};

describe('parseCsvTable', () => {
  it('reads cells by column name whatever the column order, trimmed, with optional columns left out', () => {
    const table = parseCsvTable('name , id\n Ana Silva , ana\n', 'test CSV', COLUMNS);

    expect(table.columns).toEqual(['name', 'id']);
    expect([...table.records[0].cells]).toEqual([
      ['name', 'Ana Silva'],
      ['id', 'ana'],
    ]);
  });

  it('numbers each record by the line it starts on: after a header, empty lines, a BOM, CRLF and multi-line cells', () => {
    const text = '\uFEFFid,name\r\na,"two\r\nlines"\r\n\r\nb,B\r\nc,"x\ny\nz"\r\nd,D';

    const table = parseCsvTable(text, 'test CSV', COLUMNS);

    expect(table.records.map((record) => [record.cells.get('id'), record.line])).toEqual([
      ['a', 2],
      ['b', 5],
      ['c', 6],
      ['d', 9],
    ]);
    expect(table.records[0].cells.get('name')).toBe('two\nlines');
  });

  it('keeps a record with the wrong number of cells, counted, for the caller to reject', () => {
    const table = parseCsvTable('id,name\na,A,extra\nb\n', 'test CSV', COLUMNS);

    expect(table.records.map((record) => record.cellCount)).toEqual([3, 1]);
    expect(table.records[1].cells.get('name')).toBe('');
  });

  it('rejects a header with unknown, repeated or missing required columns, naming each', () => {
    const problem = problemOf('id,colour,id\n');

    expect(problem.code).toBe('invalid');
    expect(problem.details).toEqual([
      {
        field: 'colour',
        reasons: [expect.stringMatching(/^is not a column of this file \(columns: id, name, note\)/)],
      },
      { field: 'id', reasons: ['appears twice in the header'] },
      { field: 'name', reasons: ['is a required column and is missing'] },
    ]);
  });

  it('rejects an empty file, a body that is not text, and broken CSV without quoting the file', () => {
    expect(problemOf('\n\n').details?.[0].reasons[0]).toMatch(/is empty/);
    expect(problemOf({ id: 'a' }).details).toEqual([
      { field: '(body)', reasons: ['send the test CSV with Content-Type: text/csv'] },
    ]);
    const broken = problemOf('id,name\nsecret-value,"unclosed\n');
    expect(broken.details?.[0].reasons[0]).toMatch(/^the body is not valid CSV at line \d+ \(CSV_QUOTE_NOT_CLOSED\)$/);
  });
});
