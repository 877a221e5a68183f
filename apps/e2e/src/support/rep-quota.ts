import type { StackService } from '@handoff/testing';
import { adminWrite } from './admin-write';

/** The quarter holding now on quota's default fiscal calendar (years from January, UTC), e.g. FY2026-Q4. */
function currentQuarter(): string {
  const now = new Date();
  return `FY${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** Gives the rep a revenue quota in euros for this quarter through quota's admin API. */
export async function setRevenueQuota(quota: StackService, repId: string, amount: number): Promise<void> {
  const body = {
    owner: { kind: 'rep', id: repId },
    period: currentQuarter(),
    targets: { revenue: { amount, currency: 'EUR' } },
  };
  await adminWrite(quota, 'PUT', `/quotas/${repId}-q`, body, 201);
}
