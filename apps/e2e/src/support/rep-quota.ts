import { quarterOf, type StackService } from '@handoff/testing';
import { adminWrite } from './admin-write';

/** Gives the rep a revenue quota in euros for this quarter (quota's default calendar) through quota's admin API. */
export async function setRevenueQuota(quota: StackService, repId: string, amount: number): Promise<void> {
  const period = quarterOf(new Date()).id;
  const body = { owner: { kind: 'rep', id: repId }, period, targets: { revenue: { amount, currency: 'EUR' } } };
  await adminWrite(quota, 'PUT', `/quotas/${repId}-q`, body, 201);
}
