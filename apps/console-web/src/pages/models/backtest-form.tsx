import { useEffect, useState, type FormEvent } from 'react';
import { apiPost } from '../../api/client';
import type { BacktestReport, BacktestRequest, ScoringModelDocument } from '../../api/scoring';
import { ErrorMessage } from '../../common/status';
import { useAction } from '../../common/use-action';
import { BacktestReportView } from './backtest-report';
import { modelFromText, modelToYaml } from './model-text';

/** Replays recent history with a candidate model (changes nothing) and shows how it differs from the active one. */
export function BacktestForm({ startFrom }: { startFrom: ScoringModelDocument | undefined }) {
  const [text, setText] = useState('');
  const [at, setAt] = useState('');
  const [report, setReport] = useState<BacktestReport>();
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (startFrom) setText(modelToYaml(startFrom));
  }, [startFrom]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body: BacktestRequest = { model: modelFromText(text), at: at ? new Date(at).toISOString() : undefined };
      setReport(await apiPost<BacktestReport>('/api/models/backtest', body));
    });
  };

  return (
    <section aria-labelledby="backtest">
      <h2 id="backtest">Backtest</h2>
      <form onSubmit={submit} className="stack">
        <label>
          Candidate model (YAML or JSON)
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={16} spellCheck={false} required />
        </label>
        <label>
          Replay history up to (optional, default now)
          <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Running backtest…' : 'Run backtest'}
        </button>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
      {report && <BacktestReportView report={report} />}
    </section>
  );
}
