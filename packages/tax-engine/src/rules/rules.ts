import { SUPPORTED_INCOME_YEARS, type IncomeYear } from '../income-year';
import { BASE_2020_21 } from './base-2020-21';
import type { RuleSet, RuleValues, Sourced } from './rule.types';
import { YEAR_OVERRIDES } from './year-overrides';

const cache = new Map<IncomeYear, RuleSet>();

/**
 * The rules for an income year: the 2020-21 base with each later year's overrides applied in order.
 * Each value is replaced whole (a value is a sourced figure or table), so a year that overrides a
 * table states the whole table it publishes, and nothing else.
 */
export function rulesFor(year: IncomeYear): RuleSet {
  const hit = cache.get(year);
  if (hit) return hit;
  let values: RuleValues = BASE_2020_21;
  for (const y of SUPPORTED_INCOME_YEARS) {
    if (y !== '2020-21') values = { ...values, ...YEAR_OVERRIDES[y] };
    if (y === year) break;
  }
  const set: RuleSet = Object.freeze({ ...values, year });
  cache.set(year, set);
  return set;
}

export type RuleKey = keyof RuleValues;

export const RULE_KEYS = Object.keys(BASE_2020_21) as RuleKey[];

export function ruleEntry(rules: RuleSet, key: RuleKey): Sourced<unknown> {
  return rules[key] as Sourced<unknown>;
}

export interface ProvisionalFigure {
  /** The rule key, e.g. "medicareLowIncome". */
  readonly id: RuleKey;
  readonly reason: string;
}

/** Every provisional figure in a year's rules (used or not). */
export function provisionalFigures(rules: RuleSet): ProvisionalFigure[] {
  const out: ProvisionalFigure[] = [];
  for (const key of RULE_KEYS) {
    const entry = ruleEntry(rules, key);
    if (entry.provisional) out.push({ id: key, reason: entry.provisional });
  }
  return out;
}

const anyProvisional = new WeakMap<RuleSet, boolean>();

/** Whether any figure in the year's rules is provisional (cached). */
export function hasProvisionalFigures(rules: RuleSet): boolean {
  let hit = anyProvisional.get(rules);
  if (hit === undefined) {
    hit = provisionalFigures(rules).length > 0;
    anyProvisional.set(rules, hit);
  }
  return hit;
}
