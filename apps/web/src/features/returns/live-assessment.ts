import {
  assessmentToEstimateResponse,
  returnToTaxReturnInput,
  type EstimateResponse,
  type ReturnFacts,
  type ReturnItem,
  type ReturnSection,
} from '@numeri/contracts';
import { assess, isIncomeYear } from '@numeri/tax-engine';
import type { ItemKind } from './sections';

/**
 * The return assessed in the browser, with the same mapping and engine the server uses: instant
 * what-ifs while typing. The server's stored assessment stays the record; this mirrors its
 * completeness rules (residency asked, a chosen section with nothing in it) so "needed" marks
 * update as the person types. (Keep `SECTION_NEEDS` in step with the server's return-assessment.)
 */

export interface MissingQuestion {
  id: string;
  question: string;
  reason: string;
}

export interface LiveResult {
  /** Dollars, lines and totals as the estimate API shapes them; null when the answers can't be assessed together. */
  estimate: EstimateResponse | null;
  issues: { field: string; message: string }[];
  missing: MissingQuestion[];
  complete: boolean;
}

const SECTION_NEEDS: Partial<Record<ReturnSection, { kinds: ItemKind[]; question: string }>> = {
  employment: { kinds: ['employment'], question: 'Add the income statement from each employer' },
  'government-payments': { kinds: ['government-payment'], question: 'Add your government payments' },
  interest: { kinds: ['interest'], question: 'Add the interest from each bank account' },
  dividends: { kinds: ['dividend'], question: 'Add your dividend statements' },
  distributions: {
    kinds: ['distribution'],
    question: 'Add your trust or managed fund distribution statements',
  },
  'capital-gains': { kinds: ['capital-gain'], question: 'Add each asset you sold' },
  rental: { kinds: ['rental-property'], question: 'Add each rental property' },
  business: { kinds: ['business'], question: 'Add your business income' },
  'foreign-income': { kinds: ['foreign-income'], question: 'Add your foreign income' },
  'other-income': { kinds: ['other-income'], question: 'Add your other income' },
  'work-deductions': { kinds: ['deduction'], question: 'Add your work-related expenses' },
  car: { kinds: ['car'], question: 'Add the car you used for work' },
  'working-from-home': { kinds: ['working-from-home'], question: 'Add the hours you worked from home' },
  'self-education': { kinds: ['self-education'], question: 'Add your self-education expenses' },
  'private-health': { kinds: ['private-health'], question: 'Add your private health insurance statement' },
};

export function assessLive(
  incomeYear: string,
  facts: ReturnFacts,
  sections: readonly ReturnSection[],
  items: readonly ReturnItem[],
): LiveResult {
  const missing: MissingQuestion[] = [];
  if (!facts.residency) {
    missing.push({
      id: 'residency',
      question: 'Were you an Australian resident for tax purposes for the whole year?',
      reason: 'Residency decides which tax rates and offsets apply.',
    });
  }
  for (const section of sections) {
    const need = SECTION_NEEDS[section];
    if (need && !items.some((item) => need.kinds.includes(item.kind))) {
      missing.push({
        id: `section.${section}`,
        question: need.question,
        reason: 'You said this applies to you this year.',
      });
    }
  }
  if (!isIncomeYear(incomeYear)) return { estimate: null, issues: [], missing, complete: false };
  const result = assess(returnToTaxReturnInput(incomeYear, facts, items));
  if (!result.ok) {
    return {
      estimate: null,
      issues: result.issues.map((issue) => ({ field: issue.path, message: issue.message })),
      missing,
      complete: false,
    };
  }
  for (const fact of result.assessment.completeness.missing) {
    if (!missing.some((m) => m.id === fact.id))
      missing.push({ id: fact.id, question: fact.question, reason: fact.reason });
  }
  return {
    estimate: assessmentToEstimateResponse(result.assessment),
    issues: [],
    missing,
    complete: missing.length === 0 && result.assessment.completeness.complete,
  };
}

/** Which items a line of the assessment is made of, so it can show their evidence. */
export function itemsForLine(lineId: string, items: readonly ReturnItem[]): ReturnItem[] {
  const kinds = (...k: ItemKind[]) => items.filter((item) => k.includes(item.kind));
  const nth = (kind: ItemKind, index: number) => {
    const found = items.filter((item) => item.kind === kind)[index];
    return found ? [found] : [];
  };
  const car = /^deduction\.D1\.car\.(\d+)$/.exec(lineId);
  if (car) return nth('car', Number(car[1]));
  const rent = /^income\.rent\.(\d+)$/.exec(lineId);
  if (rent) return nth('rental-property', Number(rent[1]));
  const label = /^deduction\.(D\d+)$/.exec(lineId);
  if (label) {
    const id = label[1];
    if (id === 'D1') return kinds('car');
    if (id === 'D4') return kinds('self-education');
    const receipts = items.filter((item) => item.kind === 'deduction' && item.label === id);
    return id === 'D5' ? [...receipts, ...kinds('working-from-home')] : receipts;
  }
  if (lineId === 'deduction.D5.workingFromHome') return kinds('working-from-home');
  if (
    lineId.startsWith('income.salaryWages') ||
    lineId.startsWith('income.allowances') ||
    lineId.startsWith('income.lumpSum')
  )
    return kinds('employment');
  if (lineId.startsWith('income.government')) return kinds('government-payment');
  if (lineId.startsWith('income.interest')) return kinds('interest');
  if (lineId.startsWith('income.dividends') || lineId === 'offset.frankingCredits')
    return kinds('dividend', 'distribution');
  if (lineId.startsWith('income.partnershipsAndTrusts')) return kinds('distribution');
  if (lineId.startsWith('income.capitalGains')) return kinds('capital-gain', 'distribution');
  if (lineId.startsWith('income.business') || lineId === 'offset.smallBusiness') return kinds('business');
  if (lineId.startsWith('income.foreign') || lineId === 'offset.foreignIncome')
    return kinds('foreign-income');
  if (lineId.startsWith('income.other')) return kinds('other-income');
  if (lineId.startsWith('phi.') || lineId === 'levy.medicareSurcharge') return kinds('private-health');
  if (lineId === 'credits.total') {
    return items.filter(
      (item) =>
        ((item.kind === 'employment' || item.kind === 'government-payment') && item.taxWithheldCents > 0) ||
        ((item.kind === 'interest' || item.kind === 'dividend' || item.kind === 'distribution') &&
          item.tfnWithheldCents > 0),
    );
  }
  return [];
}
