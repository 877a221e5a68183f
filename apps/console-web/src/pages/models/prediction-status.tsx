import type { PredictionModel, PredictionStatus } from '../../api/scoring';
import { EmptyRow } from '../../common/empty-row';
import { formatDateTime, formatNumber, words } from '../../common/format';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';

export function PredictionStatusSection() {
  const status = useGet<PredictionStatus>('/api/prediction/status');
  const models = useGet<{ models: PredictionModel[] }>('/api/prediction/models');
  return (
    <section aria-labelledby="prediction">
      <h2 id="prediction">Prediction</h2>
      <LoadState loaded={status} label="the prediction status">
        {(s) => (
          <p>
            {s.status === 'ready' ? 'Enough outcomes to train.' : 'Not enough outcomes to train yet.'} Labelled{' '}
            {s.counts.labelled} of {s.minimum.labelled} needed (converted {s.counts.converted} of {s.minimum.converted},
            not converted {s.counts.notConverted} of {s.minimum.notConverted}).{' '}
            {s.currentVersion ? `Model ${s.currentVersion} predicts now.` : 'No model predicts now.'}
          </p>
        )}
      </LoadState>
      <LoadState loaded={models} label="the prediction models">
        {({ models: list }) => (
          <table>
            <caption>Prediction models</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Trained</th>
                <th scope="col" className="num">
                  AUC
                </th>
              </tr>
            </thead>
            <tbody>
              {list.length === 0 && <EmptyRow columns={4} text="No model trained yet" />}
              {list.map((m) => (
                <tr key={m.version}>
                  <th scope="row">{m.version}</th>
                  <td>{words(m.status)}</td>
                  <td>{formatDateTime(m.trainedAt)}</td>
                  <td className="num">{formatNumber(m.validation.auc)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </section>
  );
}
