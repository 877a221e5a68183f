import { apiPost, segment } from '../../api/client';
import type { ModelSummary } from '../../api/scoring';
import { formatDateTime } from '../../common/format';
import { ErrorMessage } from '../../common/status';
import { useAction } from '../../common/use-action';
import { useIsAdmin } from '../../session/session-context';

/** Every stored version; activating an older one is how a model is rolled back. */
export function ModelVersions({
  models,
  selected,
  onSelect,
  onActivated,
}: {
  models: ModelSummary[];
  selected: string | undefined;
  onSelect: (version: string) => void;
  onActivated: () => void;
}) {
  const admin = useIsAdmin();
  const { busy, error, run } = useAction();
  const activeIndex = models.findIndex((m) => m.active);

  const activate = (version: string) =>
    run(async () => {
      await apiPost(`/api/models/${segment(version)}/activate`);
      onActivated();
    });

  return (
    <>
      {error !== undefined && <ErrorMessage error={error} />}
      <table>
        <caption>Scoring model versions, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Name</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Last activated</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model, index) => (
            <tr key={model.version} className={model.version === selected ? 'selected' : undefined}>
              <th scope="row">{model.version}</th>
              <td>{model.name}</td>
              <td>{model.active ? <strong>Active</strong> : 'Inactive'}</td>
              <td>{formatDateTime(model.createdAt)}</td>
              <td>{formatDateTime(model.activatedAt)}</td>
              <td className="actions">
                <button type="button" onClick={() => onSelect(model.version)} aria-pressed={model.version === selected}>
                  View {model.version}
                </button>
                {admin && !model.active && (
                  <button type="button" disabled={busy} onClick={() => void activate(model.version)}>
                    {index < activeIndex ? `Roll back to ${model.version}` : `Activate ${model.version}`}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
