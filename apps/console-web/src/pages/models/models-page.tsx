import { useSearchParams } from 'react-router-dom';
import { segment } from '../../api/client';
import type { ModelSummary, ModelView } from '../../api/scoring';
import { CodeBlock } from '../../common/code-block';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { BacktestForm } from './backtest-form';
import { ModelVersions } from './model-versions';
import { modelToYaml } from './model-text';
import { PredictionStatusSection } from './prediction-status';

export function ModelsPage() {
  const [params, setParams] = useSearchParams();
  const models = useGet<{ models: ModelSummary[] }>('/api/models');
  const selected = params.get('version') ?? models.data?.models.find((m) => m.active)?.version;
  const definition = useGet<ModelView>(selected ? `/api/models/${segment(selected)}` : null);

  const activated = () => {
    models.reload();
    definition.reload();
  };

  return (
    <>
      <PageTitle>Models</PageTitle>
      <section aria-labelledby="versions">
        <h2 id="versions">Versions</h2>
        <LoadState loaded={models} label="the models">
          {({ models: list }) => (
            <ModelVersions
              models={list}
              selected={selected}
              onSelect={(version) => setParams({ version })}
              onActivated={activated}
            />
          )}
        </LoadState>
      </section>
      {selected && (
        <section aria-labelledby="definition">
          <h2 id="definition">Definition of {selected}</h2>
          <LoadState loaded={definition} label="the definition">
            {(view) => <CodeBlock label={`Model ${view.version} as YAML`} text={modelToYaml(view.model)} />}
          </LoadState>
        </section>
      )}
      <BacktestForm startFrom={definition.data?.model} />
      <PredictionStatusSection />
    </>
  );
}
