import type { PrivateHealthStatementLine } from '../input.types';
import { ExactSum, type Cents, type Rate } from '../money';
import type { PhiRebateParams, PhiRebatePeriod } from '../rules/rule.types';
import type { IncomeTier } from './medicare-levy-surcharge';

const PHI_DENOMINATOR = 100_000; // rebate percentages have three decimals (24.608% = 24608/100000)

export function phiPeriodAndAge(
  params: PhiRebateParams,
  code: PrivateHealthStatementLine['benefitCode'],
): { period: PhiRebatePeriod; ages: 'under65' | 'age65to69' | 'age70plus'; periodName: string } {
  const julyToMarch = code === 30 || code === 35 || code === 40;
  const period = julyToMarch ? params.julyToMarch : params.aprilToJune;
  const ages =
    code === 30 || code === 31 ? 'under65' : code === 35 || code === 36 ? 'age65to69' : 'age70plus';
  return { period, ages, periodName: julyToMarch ? '1 July to 31 March' : '1 April to 30 June' };
}

export function phiRate(
  params: PhiRebateParams,
  code: PrivateHealthStatementLine['benefitCode'],
  tier: IncomeTier,
): Rate {
  if (tier === 3) return { num: 0, den: 1 };
  const { period, ages } = phiPeriodAndAge(params, code);
  return period[ages][tier];
}

export interface PhiResult {
  /** Rebate entitlement for the premiums (exact sum over lines, rounded once). */
  readonly entitlement: Cents;
  readonly received: Cents;
  /** entitlement − received: positive is a refundable tax offset, negative is an excess to repay. */
  readonly difference: Cents;
}

/**
 * Private health insurance rebate adjustment (Private Health Insurance Act 2007 Div 22): for each
 * statement line, premiums × the rebate percentage for the benefit code (period and age) and the
 * person's income tier; the total entitlement is compared with the rebate received as a premium
 * reduction.
 */
export function phiRebateAdjustment(
  lines: readonly PrivateHealthStatementLine[],
  params: PhiRebateParams,
  tier: IncomeTier,
): PhiResult {
  const sum = new ExactSum(PHI_DENOMINATOR);
  let received = 0;
  for (const line of lines) {
    sum.addRate(line.premiumsEligible, phiRate(params, line.benefitCode, tier));
    received += line.rebateReceived;
  }
  const entitlement = sum.rounded();
  return { entitlement, received, difference: entitlement - received };
}
