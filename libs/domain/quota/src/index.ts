export { validateFiscalCalendar, type FiscalCalendar } from './lib/periods/fiscal-calendar';
export {
  FISCAL_PERIOD_KINDS,
  fiscalPeriodById,
  fiscalPeriodOf,
  fiscalPeriodsAt,
  type FiscalPeriod,
  type FiscalPeriodKind,
} from './lib/periods/fiscal-periods';
export { elapsedFraction, landsAfterClose, periodContains, validatePeriod, type Period } from './lib/periods/period';
export { isInstant, isIsoDate, localDateOf } from './lib/time/instant';
export * from './lib/deals/deal-fact';
export { dealStateOf } from './lib/deals/deal-state';
export { contributionsOfDeal } from './lib/deals/deal-contributions';
export { convert, type Conversion, type ConversionPath, type Money } from './lib/currency/convert';
export { validateExchangeRates, type ExchangeRate } from './lib/currency/exchange-rates';
export { isKnownCurrency, roundMoney } from './lib/currency/money';
export {
  shareOfPeriodInTeam,
  teamMembersDuring,
  teamOfRepAt,
  validateTeamHistory,
  type TeamMembership,
} from './lib/teams/team-history';
export { rolledUpTeamTargets } from './lib/teams/team-targets';
export * from './lib/attainment/contribution';
export * from './lib/attainment/quota.types';
export { expectedShareAt, validatePaceCurve } from './lib/attainment/pace-curve';
export { validateQuota } from './lib/attainment/validate-quota';
export type { PaceVerdict, TargetAttainment } from './lib/attainment/target-attainment';
export {
  attainmentOf,
  type Attainment,
  type AttainmentContext,
  type PendingRevenue,
  type RevenueAttainment,
} from './lib/attainment/attainment-of';
export { capacityOf, type CapacityInput, type RepCapacityFigures } from './lib/capacity/capacity-of';
export { throwIfInvalid } from './lib/validation/issue-list';
