import type { DeadLetterPage, DeadLetterReplayResult } from '@handoff/console-api';
import { useState } from 'react';
import { apiPost, segment } from '../../api/client';
import { EmptyRow } from '../../common/empty-row';
import { formatDateTime } from '../../common/format';
import { ErrorMessage, LoadState } from '../../common/status';
import { useAction } from '../../common/use-action';
import { useGet } from '../../common/use-load';
import { useIsAdmin } from '../../session/session-context';

/** One dead-letter topic's records; an admin replays the selected ones onto their source topic. */
export function DeadLetterRecords({ topic, onReplayed }: { topic: string; onReplayed: () => void }) {
  const admin = useIsAdmin();
  const page = useGet<DeadLetterPage>(`/api/dead-letters/${segment(topic)}`);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<DeadLetterReplayResult>();
  const { busy, error, run } = useAction();

  const toggle = (position: string) => {
    const next = new Set(selected);
    if (next.has(position)) next.delete(position);
    else next.add(position);
    setSelected(next);
  };

  const replay = () =>
    run(async () => {
      setResult(
        await apiPost<DeadLetterReplayResult>(`/api/dead-letters/${segment(topic)}/replay`, {
          positions: [...selected],
        }),
      );
      setSelected(new Set());
      page.reload();
      onReplayed();
    });

  return (
    <section aria-labelledby="records">
      <h2 id="records">Records of {topic}</h2>
      {admin && (
        <p>
          <button type="button" disabled={busy || selected.size === 0} onClick={() => void replay()}>
            Replay selected ({selected.size})
          </button>
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {result && (
        <p role="status">
          Replayed {result.replayed} record{result.replayed === 1 ? '' : 's'}.
        </p>
      )}
      <LoadState loaded={page} label="the records">
        {({ records }) => (
          <table>
            <caption>Failed records in {topic}</caption>
            <thead>
              <tr>
                <th scope="col">Select</th>
                <th scope="col">Position</th>
                <th scope="col">Key</th>
                <th scope="col">Source</th>
                <th scope="col">Error class</th>
                <th scope="col">Message</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Failed at</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {records.length === 0 && <EmptyRow columns={9} text="No records" />}
              {records.map((record) => (
                <tr key={record.position}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select record ${record.position}`}
                      checked={selected.has(record.position)}
                      onChange={() => toggle(record.position)}
                    />
                  </td>
                  <th scope="row">{record.position}</th>
                  <td>{record.key ?? '(none)'}</td>
                  <td>
                    {record.sourceTopic} {record.sourcePartition}/{record.sourceOffset}
                  </td>
                  <td>{record.errorClass}</td>
                  <td>{record.errorMessage}</td>
                  <td className="num">{record.attempts}</td>
                  <td>{formatDateTime(record.failedAt)}</td>
                  <td>
                    <code className="preview">{record.value === null ? '(none)' : record.value.slice(0, 200)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </section>
  );
}
