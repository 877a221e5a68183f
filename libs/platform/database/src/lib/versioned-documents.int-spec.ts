import { DomainError } from '@handoff/shared-errors';
import { useMigratedTestSchema } from '../testing/test-database';
import { type DocumentValidation, VersionedDocuments } from './versioned-documents';

interface Doc {
  version: string;
  title: string;
}

function validate(json: unknown): DocumentValidation<Doc> {
  const { version, title } = json as Partial<Doc>;
  if (typeof version === 'string' && version !== '' && typeof title === 'string') {
    return { ok: true, document: { version, title } };
  }
  const issues = [
    ...(typeof version === 'string' && version !== '' ? [] : ['version: must be a non-empty string']),
    ...(typeof title === 'string' ? [] : ['title: must be a string']),
  ];
  return { ok: false, issues };
}

describe('VersionedDocuments (real PostgreSQL)', () => {
  const db = useMigratedTestSchema();
  let parses = 0;
  const documents = () =>
    new VersionedDocuments<Doc>(db.dataSource, {
      table: 'docs',
      kind: 'test document',
      wholeDocumentField: '(doc)',
      validate,
      parse: (json) => {
        parses += 1;
        return json as Doc;
      },
      versionOf: (doc) => doc.version,
      columns: { title: (doc) => doc.title },
    });

  beforeAll(async () => {
    await db.dataSource.query(
      `CREATE TABLE docs (
        version varchar(128) PRIMARY KEY, title varchar(200) NOT NULL, definition jsonb NOT NULL,
        active boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        activated_at timestamptz
      )`,
    );
    await db.dataSource.query(`CREATE UNIQUE INDEX docs_one_active ON docs (active) WHERE active`);
  });

  beforeEach(() => db.dataSource.query(`TRUNCATE docs`));

  it('stores versions inactive with their extra columns, lists them oldest first, refuses one twice', async () => {
    const docs = documents();
    const first = await docs.create({ version: 'a', title: 'First' });
    await docs.create({ version: 'b', title: 'Second' });

    expect(first).toMatchObject({ version: 'a', active: false, activatedAt: null, document: { title: 'First' } });
    expect((await docs.list()).map((record) => [record.version, record.columns.title])).toEqual([
      ['a', 'First'],
      ['b', 'Second'],
    ]);
    await expect(docs.create({ version: 'a', title: 'Again' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'a test document with version "a" exists',
    });
    expect(await docs.active()).toBeUndefined();
  });

  it('answers 400 with every problem, its own and the caller’s, grouped by field', async () => {
    const failure = documents().create({ version: '', title: 3 }, ['title: names nothing', 'whole thing wrong']);

    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(failure).rejects.toMatchObject({
      code: 'invalid',
      message: 'test document is invalid',
      details: [
        { field: 'version', reasons: ['must be a non-empty string'] },
        { field: 'title', reasons: ['must be a string', 'names nothing'] },
        { field: '(doc)', reasons: ['whole thing wrong'] },
      ],
    });
    await expect(documents().create({ version: 'v', title: 'ok' }, ['title: taken'])).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await documents().list()).toEqual([]);
  });

  it('activates one version at a time, rolls back to an older one and reads each definition once', async () => {
    const docs = documents();
    await docs.create({ version: 'a', title: 'First' });
    await docs.create({ version: 'b', title: 'Second' });

    expect(await docs.activate('b')).toMatchObject({ version: 'b', active: true, activatedAt: expect.any(Date) });
    expect(await docs.activate('a')).toMatchObject({ version: 'a', active: true });
    const before = parses;
    expect(await docs.active()).toEqual({ version: 'a', title: 'First' });
    expect(await docs.active()).toEqual({ version: 'a', title: 'First' });
    expect(parses).toBe(before);
    expect((await docs.list()).map((record) => [record.version, record.active])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    await expect(docs.activate('zz')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('serialises concurrent activations: exactly one version ends active', async () => {
    const docs = documents();
    for (const version of ['a', 'b', 'c', 'd']) await docs.create({ version, title: version });

    await Promise.all(['a', 'b', 'c', 'd', 'a', 'c'].map((version) => docs.activate(version)));

    const active = (await docs.list()).filter((record) => record.active);
    expect(active).toHaveLength(1);
  });

  it('leaves the active version alone when the activation check refuses', async () => {
    const docs = documents();
    await docs.create({ version: 'a', title: 'First' });
    await docs.create({ version: 'b', title: 'Second' });
    await docs.activate('a');

    const refused = docs.activate('b', async (doc) => {
      throw new DomainError('conflict', `${doc.title} is stale`);
    });

    await expect(refused).rejects.toMatchObject({ code: 'conflict', message: 'Second is stale' });
    expect(await docs.active()).toMatchObject({ version: 'a' });
  });

  it('stores and activates a default once when replicas boot together, never over an active version', async () => {
    const docs = documents();
    const results = await Promise.all(
      [1, 2, 3].map(() => documents().activateIfNoneActive({ version: 'default', title: 'Default' })),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    await docs.create({ version: 'b', title: 'Second' });
    await docs.activate('b');
    expect(await docs.activateIfNoneActive({ version: 'default', title: 'Default' })).toBe(false);
    expect(await docs.active()).toMatchObject({ version: 'b' });
  });
});
