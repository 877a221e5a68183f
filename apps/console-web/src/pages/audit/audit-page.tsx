import type { AuditEntryView, AuditPage as AuditPageView } from '@handoff/console-api';
import { useState } from 'react';
import { withQuery } from '../../api/client';
import { EmptyRow } from '../../common/empty-row';
import { formatDateTime, words } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { useIsAdmin } from '../../session/session-context';

const PAGE_SIZE = 50;

export function AuditPage() {
  const admin = useIsAdmin();
  // The `before` of each page shown so far, newest first: "Newer" steps back through it.
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const before = pages[pages.length - 1];
  const page = useGet<AuditPageView>(admin ? withQuery('/api/audit', { before, limit: PAGE_SIZE }) : null);

  return (
    <>
      <PageTitle>Audit</PageTitle>
      {!admin ? (
        <p>The audit log is for admins.</p>
      ) : (
        <LoadState loaded={page} label="the audit log">
          {(data) => (
            <>
              <AuditTable entries={data.entries} />
              <p className="pager">
                <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>
                  Newer
                </button>
                <button type="button" disabled={!data.nextBefore} onClick={() => setPages([...pages, data.nextBefore])}>
                  Older
                </button>
              </p>
            </>
          )}
        </LoadState>
      )}
    </>
  );
}

function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <table>
      <caption>Admin actions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Outcome</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 && <EmptyRow columns={6} text="No entries" />}
        {entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">{formatDateTime(entry.at)}</th>
            <td>{entry.actorName}</td>
            <td>{words(entry.action)}</td>
            <td>{entry.target}</td>
            <td className={entry.outcome === 'failed' ? 'state-down' : undefined}>{entry.outcome}</td>
            <td>{entry.detail ? <code>{JSON.stringify(entry.detail)}</code> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
