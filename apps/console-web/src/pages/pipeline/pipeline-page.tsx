import type { PipelineSnapshot } from '@handoff/console-api';
import { formatDateTime } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { EventsPerSecondChart, PerHourChart } from './pipeline-charts';
import { ConsumerLagTable, DeadLetterCountsTable, ServicesTable, SlaBreachesTable } from './pipeline-tables';

const REFRESH_MS = 5_000;

export function PipelinePage() {
  const snapshot = useGet<PipelineSnapshot>('/api/pipeline', REFRESH_MS);
  return (
    <>
      <PageTitle>Pipeline</PageTitle>
      <LoadState loaded={snapshot} label="the pipeline">
        {(data) => (
          <>
            <p className="muted">As of {formatDateTime(data.at)}; refreshed every 5 seconds.</p>
            <ServicesTable services={data.services} />
            <div className="grid">
              <EventsPerSecondChart points={data.eventsPerSecond} />
              <PerHourChart caption="MQLs per hour, last 24 hours" name="MQLs" points={data.mqlsPerHour} />
              <PerHourChart caption="Leads routed per hour, last 24 hours" name="routed" points={data.routedPerHour} />
            </div>
            <ConsumerLagTable lag={data.consumerLag} />
            <div className="grid">
              <DeadLetterCountsTable counts={data.deadLetters} />
              <SlaBreachesTable breaches={data.slaBreaches} />
            </div>
          </>
        )}
      </LoadState>
    </>
  );
}
