import { assess } from '../src/assess';
import type { Assessment } from '../src/assessment.types';
import type { AssessOptions, TaxReturnInput } from '../src/input.types';

/** Dollars (a readable literal) to cents. */
export const $ = (dollars: number): number => Math.round(dollars * 100);

/** Assesses and fails the test on validation issues. */
export function assessOk(input: TaxReturnInput, options?: AssessOptions): Assessment {
  const r = assess(input, options);
  if (!r.ok) throw new Error(`unexpected validation issues: ${JSON.stringify(r.issues)}`);
  return r.assessment;
}

/** The facts that silence completeness questions for a simple single person. */
export const SINGLE_NO_COVER = {
  spouse: null,
  dependants: { dependentChildren: 0 },
  privateHealth: { hospitalCover: 'none' as const },
  studyLoan: { hasDebt: false },
};

export function line(a: Assessment, id: string) {
  const found = a.lines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id}; lines: ${a.lines.map((l) => l.id).join(', ')}`);
  return found;
}
