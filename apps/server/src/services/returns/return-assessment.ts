import {
  assessmentToEstimateResponse,
  returnToTaxReturnInput,
  type ReturnAssessment,
  type ReturnFacts,
  type ReturnItem,
  type ReturnSection,
} from '@numeri/contracts';
import { assess, type IncomeYear } from '@numeri/tax-engine';

export interface StoredReturn {
  sections: ReturnSection[];
  facts: ReturnFacts;
  items: ReturnItem[];
}

export interface MissingFact {
  id: string;
  question: string;
  reason: string;
}

export interface ComputedReturn {
  assessment: ReturnAssessment | null;
  issues: { field: string; message: string }[];
  missing: MissingFact[];
  complete: boolean;
}

/** Sections whose items the person has not added yet, though they said the section applies. */
const SECTION_ITEMS: Partial<Record<ReturnSection, { kinds: ReturnItem['kind'][]; question: string }>> = {
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

/**
 * Runs the engine on a stored return. What the person still needs to answer is the engine's own
 * completeness plus what only the return knows (residency not yet asked; a section chosen with
 * nothing in it).
 */
export function computeReturn(incomeYear: IncomeYear, stored: StoredReturn): ComputedReturn {
  const missing: MissingFact[] = [];
  if (!stored.facts.residency) {
    missing.push({
      id: 'residency',
      question: 'Were you an Australian resident for tax purposes for the whole year?',
      reason: 'Residency decides which tax rates and offsets apply.',
    });
  }
  for (const section of stored.sections) {
    const need = SECTION_ITEMS[section];
    if (need && !stored.items.some((item) => need.kinds.includes(item.kind))) {
      missing.push({
        id: `section.${section}`,
        question: need.question,
        reason: 'You said this applies to you this year.',
      });
    }
  }
  const result = assess(returnToTaxReturnInput(incomeYear, stored.facts, stored.items));
  if (!result.ok) {
    return {
      assessment: null,
      issues: result.issues.map((i) => ({ field: i.path, message: i.message })),
      missing,
      complete: false,
    };
  }
  const a = result.assessment;
  for (const fact of a.completeness.missing)
    if (!missing.some((m) => m.id === fact.id)) missing.push({ ...fact });
  const assessment: ReturnAssessment = {
    totalIncomeCents: a.totalIncome,
    totalDeductionsCents: a.totalDeductions,
    taxableIncomeCents: a.taxableIncome,
    taxOnTaxableIncomeCents: a.taxOnTaxableIncome,
    offsets: a.offsets
      .filter((o) => o.applied > 0)
      .map((o) => ({ id: o.id, name: o.name, appliedCents: o.applied, refundable: o.refundable })),
    netIncomeTaxCents: a.netIncomeTax,
    medicareLevyCents: a.medicareLevy,
    medicareLevySurchargeCents: a.medicareLevySurcharge,
    privateHealthAdjustmentCents: a.privateHealthAdjustment,
    studyLoanRepaymentCents: a.studyLoanRepayment,
    totalLiabilityCents: a.totalLiability,
    creditsCents: a.credits,
    refundableOffsetsCents: a.refundableOffsets,
    refundCents: a.refund,
    marginalRatePercent: a.marginalRatePercent,
    carryForward: {
      taxLossesCents: a.carryForward.taxLosses,
      netCapitalLossesCents: a.carryForward.netCapitalLosses,
    },
    lines: assessmentToEstimateResponse(a).lines,
    provisional: a.provisional.map((p) => ({ id: p.id, reason: p.reason })),
    caveats: a.completeness.caveats.map((c) => ({ id: c.id, message: c.message })),
  };
  return { assessment, issues: [], missing, complete: missing.length === 0 && a.completeness.complete };
}
