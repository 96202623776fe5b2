/**
 * @numeri/tax-engine — Australian individual income tax, 2020-21 to 2026-27, exact to the cent.
 * Pure: no I/O, no clock, no randomness. See README.md.
 */
export { assess } from './assess';
export { validateReturn, MAX_CENTS } from './validate';
export { SUPPORTED_INCOME_YEARS, isIncomeYear, daysInIncomeYear, type IncomeYear } from './income-year';
export { rulesFor, provisionalFigures, RULE_KEYS, type RuleKey, type ProvisionalFigure } from './rules/rules';
export {
  compareWorkFromHome,
  compareCar,
  marginalRate,
  rulesSummary,
  type MarginalRate,
  type RulesSummary,
} from './summary';
export type { WorkFromHomeComparison, WorkFromHomeMethod, WorkFromHomeMethodResult } from './calc/wfh';
export type { CarComparison, CarMethod, CarMethodResult } from './calc/car';
export { formatCents, truncateToDollars, percent, rateToNumber, type Cents, type Rate } from './money';
export type * from './input.types';
export type * from './assessment.types';
export type { RuleSet, Sourced, SourceRef, Confidence, TaxScale, Bracket } from './rules/rule.types';
