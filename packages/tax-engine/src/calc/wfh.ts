import type { WorkFromHomeInput } from '../input.types';
import { formatCents, roundHalfUpDiv, type Cents } from '../money';
import type { WorkFromHomeParams } from '../rules/rule.types';

export type WorkFromHomeMethod = 'shortcut' | 'fixed-rate' | 'actual-cost';

export interface WorkFromHomeMethodResult {
  readonly method: WorkFromHomeMethod;
  readonly amount: Cents;
  /** Cents per hour, for the rate methods. */
  readonly centsPerHour: number | null;
  /** What the amount is made of, in words. */
  readonly covers: string;
}

export interface WorkFromHomeComparison {
  readonly methods: readonly WorkFromHomeMethodResult[];
  readonly best: WorkFromHomeMethodResult;
  readonly reason: string;
}

/** Hours to hundredths (validation allows at most two decimal places). */
export function hundredthsOfHours(hours: number): number {
  return Math.round(hours * 100);
}

/** hours × rate, exact (hundredths of an hour × cents per hour / 100), rounded half-up to cents. */
function rateAmount(hours: number, centsPerHour: number): Cents {
  return roundHalfUpDiv(hundredthsOfHours(hours) * centsPerHour, 100);
}

/**
 * Working-from-home running expenses: works out every method available in the year and picks the
 * larger deduction.
 * - Shortcut (80c/hour, 1 March 2020 – 30 June 2022, PCG 2020/3): covers all running expenses.
 * - Fixed rate 52c/hour (to 30 June 2022): covers energy, cleaning and furniture; phone, internet,
 *   stationery and equipment are claimed on top.
 * - Revised fixed rate 67c (2022-23, 2023-24) / 70c (from 2024-25) (PCG 2023/1): covers energy, phone,
 *   internet, stationery and consumables; decline in value of furniture and equipment, and cleaning,
 *   are claimed on top.
 * - Actual cost: the work-related part of every running expense.
 */
interface CoversText {
  readonly shortcut: string;
  readonly fixed: string;
}
const coversCache = new WeakMap<WorkFromHomeParams, CoversText>();

/** What each rate covers, in words (built once per year's parameters). */
function coversText(params: WorkFromHomeParams): CoversText {
  let hit = coversCache.get(params);
  if (!hit) {
    hit = {
      shortcut: `${params.shortcutCentsPerHour ?? 0}c for each hour, covering all running expenses`,
      fixed:
        params.fixedRateKind === 'fixed-52c'
          ? `${params.fixedRateCentsPerHour}c for each hour (energy, cleaning, furniture) plus phone, internet, stationery and equipment`
          : `${params.fixedRateCentsPerHour}c for each hour (energy, phone, internet, stationery) plus decline in value of furniture and equipment, and cleaning`,
    };
    coversCache.set(params, hit);
  }
  return hit;
}

export function compareWorkFromHomeMethods(
  input: WorkFromHomeInput,
  params: WorkFromHomeParams,
  withText = true,
): WorkFromHomeComparison {
  const energy = input.energy ?? 0;
  const phone = input.phoneAndInternet ?? 0;
  const stationery = input.stationeryAndConsumables ?? 0;
  const cleaning = input.cleaning ?? 0;
  const furniture = input.furnitureDeclineInValue ?? 0;
  const equipment = input.equipmentDeclineInValue ?? 0;
  const methods: WorkFromHomeMethodResult[] = [];

  if (params.shortcutCentsPerHour !== null) {
    methods.push({
      method: 'shortcut',
      amount: rateAmount(input.hours, params.shortcutCentsPerHour),
      centsPerHour: params.shortcutCentsPerHour,
      covers: withText ? coversText(params).shortcut : '',
    });
  }
  if (params.fixedRateKind === 'fixed-52c') {
    methods.push({
      method: 'fixed-rate',
      amount: rateAmount(input.hours, params.fixedRateCentsPerHour) + phone + stationery + equipment,
      centsPerHour: params.fixedRateCentsPerHour,
      covers: withText ? coversText(params).fixed : '',
    });
  } else {
    methods.push({
      method: 'fixed-rate',
      amount: rateAmount(input.hours, params.fixedRateCentsPerHour) + furniture + equipment + cleaning,
      centsPerHour: params.fixedRateCentsPerHour,
      covers: withText ? coversText(params).fixed : '',
    });
  }
  methods.push({
    method: 'actual-cost',
    amount: energy + phone + stationery + cleaning + furniture + equipment,
    centsPerHour: null,
    covers: 'the work-related part of your actual running expenses',
  });

  let best = methods[0] as WorkFromHomeMethodResult;
  for (const m of methods) if (m.amount > best.amount) best = m;
  if (!withText) return { methods, best, reason: '' };
  const others: { name: string; amount: Cents }[] = [];
  for (const m of methods) if (m !== best) others.push({ name: describe(m.method), amount: m.amount });
  const reason = comparisonReason(describe(best.method), best.amount, others);
  return { methods, best, reason };
}

/** "The X gives $A, more than $B with the Y." — shared with the car comparison. */
export function comparisonReason(
  bestName: string,
  bestAmount: Cents,
  others: readonly { name: string; amount: Cents }[],
): string {
  if (others.length === 0) return `Only the ${bestName} applies: ${formatCents(bestAmount)}.`;
  let lower = '';
  let tied = '';
  for (const o of others) {
    if (o.amount < bestAmount)
      lower += (lower === '' ? '' : ' or ') + formatCents(o.amount) + ' with the ' + o.name;
    else if (o.amount === bestAmount) tied += (tied === '' ? '' : ' and ') + o.name;
  }
  let text = 'The ' + bestName + ' gives ' + formatCents(bestAmount);
  if (lower !== '') text += ', more than ' + lower;
  if (tied !== '') text += '; the ' + tied + ' gives the same';
  return text + '.';
}

function describe(method: WorkFromHomeMethod): string {
  switch (method) {
    case 'shortcut':
      return 'shortcut method';
    case 'fixed-rate':
      return 'fixed-rate method';
    case 'actual-cost':
      return 'actual-cost method';
  }
}
