import type { PipelineSnapshot } from '@handoff/console-api';
import { Link } from 'react-router-dom';
import { EmptyRow } from '../../common/empty-row';
import { formatDateTime, formatNumber } from '../../common/format';

export function ServicesTable({ services }: { services: PipelineSnapshot['services'] }) {
  return (
    <table>
      <caption>Services</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">State</th>
          <th scope="col">Last scraped</th>
        </tr>
      </thead>
      <tbody>
        {services.map((service) => (
          <tr key={service.service}>
            <th scope="row">{service.service}</th>
            <td className={service.up ? 'state-up' : 'state-down'}>{service.up ? 'Up' : 'Down'}</td>
            <td>{formatDateTime(service.scrapedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ConsumerLagTable({ lag }: { lag: PipelineSnapshot['consumerLag'] }) {
  return (
    <table>
      <caption>Consumer lag</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Consumer group</th>
          <th scope="col">Topic</th>
          <th scope="col" className="num">
            Records behind
          </th>
        </tr>
      </thead>
      <tbody>
        {lag.length === 0 && <EmptyRow columns={4} />}
        {lag.map((row) => (
          <tr key={`${row.group}/${row.topic}`}>
            <th scope="row">{row.service}</th>
            <td>{row.group}</td>
            <td>{row.topic}</td>
            <td className="num">{formatNumber(row.lag, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeadLetterCountsTable({ counts }: { counts: PipelineSnapshot['deadLetters'] }) {
  return (
    <table>
      <caption>Dead letters</caption>
      <thead>
        <tr>
          <th scope="col">Dead-letter topic</th>
          <th scope="col">Failed topic</th>
          <th scope="col" className="num">
            Records
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.length === 0 && <EmptyRow columns={3} />}
        {counts.map((row) => (
          <tr key={row.topic}>
            <th scope="row">
              <Link to={`/dead-letters?topic=${encodeURIComponent(row.topic)}`}>{row.topic}</Link>
            </th>
            <td>{row.sourceTopic}</td>
            <td className="num">{formatNumber(row.records, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SlaBreachesTable({ breaches }: { breaches: PipelineSnapshot['slaBreaches'] }) {
  return (
    <table>
      <caption>SLA breaches per pool</caption>
      <thead>
        <tr>
          <th scope="col">Pool</th>
          <th scope="col" className="num">
            Breaches
          </th>
        </tr>
      </thead>
      <tbody>
        {breaches.length === 0 && <EmptyRow columns={2} />}
        {breaches.map((row) => (
          <tr key={row.pool}>
            <th scope="row">{row.pool}</th>
            <td className="num">{formatNumber(row.breaches, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
