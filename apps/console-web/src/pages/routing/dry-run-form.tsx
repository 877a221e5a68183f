import { useState, type FormEvent } from 'react';
import { apiPost } from '../../api/client';
import type { DryRunAnswer } from '../../api/routing';
import { ErrorMessage } from '../../common/status';
import { useAction } from '../../common/use-action';
import { EMPTY_SAMPLE_LEAD, SAMPLE_TEXT_FIELDS, sampleLeadFrom, type SampleLeadForm } from './dry-run-lead';
import { DryRunTrace } from './dry-run-trace';

/** Routes a sample lead under the active rules without changing anything (viewers may too). */
export function DryRunForm() {
  const [form, setForm] = useState<SampleLeadForm>(EMPTY_SAMPLE_LEAD);
  const [answer, setAnswer] = useState<DryRunAnswer>();
  const { busy, error, run } = useAction();
  const set = (field: keyof SampleLeadForm) => (value: string) => setForm({ ...form, [field]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () =>
      setAnswer(await apiPost<DryRunAnswer>('/api/routing/dry-run', { lead: sampleLeadFrom(form) })),
    );
  };

  return (
    <section aria-labelledby="dry-run">
      <h2 id="dry-run">Dry run</h2>
      <form onSubmit={submit} className="field-grid">
        {SAMPLE_TEXT_FIELDS.map(([field, label]) => (
          <label key={field}>
            {label}
            <input value={form[field]} onChange={(e) => set(field)(e.target.value)} />
          </label>
        ))}
        <label>
          Employee count
          <input
            type="number"
            min={0}
            value={form.employeeCount}
            onChange={(e) => set('employeeCount')(e.target.value)}
          />
        </label>
        <label>
          Grade
          <select value={form.grade} onChange={(e) => set('grade')(e.target.value)}>
            {['A', 'B', 'C', 'D'].map((grade) => (
              <option key={grade}>{grade}</option>
            ))}
          </select>
        </label>
        <label>
          Behaviour score
          <input
            type="number"
            step="any"
            required
            value={form.behaviourScore}
            onChange={(e) => set('behaviourScore')(e.target.value)}
          />
        </label>
        <label>
          Fit score
          <input
            type="number"
            step="any"
            required
            value={form.fitScore}
            onChange={(e) => set('fitScore')(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Try routing this lead
        </button>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
      {answer && <DryRunTrace answer={answer} />}
    </section>
  );
}
