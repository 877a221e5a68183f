import type { DeadLetterCount } from '@handoff/console-api';
import { useSearchParams } from 'react-router-dom';
import { EmptyRow } from '../../common/empty-row';
import { formatNumber } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { DeadLetterRecords } from './dead-letter-records';

export function DeadLettersPage() {
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic');
  const counts = useGet<DeadLetterCount[]>('/api/dead-letters');
  return (
    <>
      <PageTitle>Dead letters</PageTitle>
      <LoadState loaded={counts} label="the dead-letter topics">
        {(list) => (
          <table>
            <caption>Dead-letter topics</caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Failed topic</th>
                <th scope="col" className="num">
                  Records
                </th>
                <th scope="col">Records</th>
              </tr>
            </thead>
            <tbody>
              {list.length === 0 && <EmptyRow columns={4} text="No dead-letter topics" />}
              {list.map((count) => (
                <tr key={count.topic} className={count.topic === topic ? 'selected' : undefined}>
                  <th scope="row">{count.topic}</th>
                  <td>{count.sourceTopic}</td>
                  <td className="num">{formatNumber(count.records, 0)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setParams({ topic: count.topic })}
                      aria-pressed={count.topic === topic}
                    >
                      Show {count.topic}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
      {topic && <DeadLetterRecords key={topic} topic={topic} onReplayed={counts.reload} />}
    </>
  );
}
