import type { INestApplication } from '@nestjs/common';
import { QuotaChanges, type QuotaChange } from '../capacity/quota-changes';

/** Records every change the app announces from now on, for tests that check who a write says it moved. */
export function recordQuotaChanges(app: INestApplication): QuotaChange[] {
  const seen: QuotaChange[] = [];
  app.get(QuotaChanges).changes.subscribe((change) => seen.push(change));
  return seen;
}
