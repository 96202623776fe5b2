import type { IncomeYear } from './income-year';
import type { ResidencyInput } from './input.types';
import type { Cents } from './money';
import type { RuleKey } from './rules/rules';
import type { SourceRef } from './rules/rule.types';

/** A value a line used: numbers (money keys end in "Cents"), strings, booleans or null. */
export type LineInputValue = number | string | boolean | null;

/** One explained line of the assessment. */
export interface AssessmentLine {
  /** Stable id, e.g. "offset.lito". */
  readonly id: string;
  readonly label: string;
  /** Cents. Signs follow the label (a deduction is positive; a net rental loss is negative). */
  readonly amount: Cents;
  /** The rule applied, as a formula or short statement. */
  readonly rule: string;
  readonly inputs: Readonly<Record<string, LineInputValue>>;
  /** One sentence a taxpayer understands. */
  readonly explanation: string;
  readonly source: SourceRef;
}

export type OffsetId =
  | 'sapto'
  | 'lito'
  | 'lmito'
  | 'small-business'
  | 'lump-sum-a'
  | 'foreign-income'
  | 'franking-credits'
  | 'private-health-insurance';

export interface OffsetAmount {
  readonly id: OffsetId;
  readonly name: string;
  /** What the person is entitled to before the limit of the tax it can reduce. */
  readonly entitlement: Cents;
  /** What was applied (non-refundable offsets are limited to the tax they can reduce). */
  readonly applied: Cents;
  readonly refundable: boolean;
}

export interface MissingFact {
  /** Dotted path of the input that answers it, e.g. "privateHealth.hospitalCover". */
  readonly id: string;
  readonly question: string;
  /** Why it matters for this return. */
  readonly reason: string;
}

/** A rule the engine does not model that may apply to this return. */
export interface Caveat {
  readonly id: string;
  readonly message: string;
}

export interface Completeness {
  /** True when nothing is missing and no unmodelled rule applies. */
  readonly complete: boolean;
  readonly missing: readonly MissingFact[];
  readonly caveats: readonly Caveat[];
}

export interface ProvisionalUse {
  readonly id: RuleKey;
  readonly reason: string;
}

export interface Assessment {
  readonly incomeYear: IncomeYear;
  readonly residency: ResidencyInput['kind'];
  /** Total income or loss (whole dollars, may be negative before losses). */
  readonly totalIncome: Cents;
  readonly totalDeductions: Cents;
  /** Whole dollars, never negative. */
  readonly taxableIncome: Cents;
  /** Tax on taxable income at the year's scale(s), before offsets. */
  readonly taxOnTaxableIncome: Cents;
  readonly offsets: readonly OffsetAmount[];
  /** Non-refundable offsets applied (including any foreign income tax offset applied). */
  readonly nonRefundableOffsets: Cents;
  /** Tax on taxable income less non-refundable offsets, never below nil. */
  readonly netIncomeTax: Cents;
  readonly medicareLevy: Cents;
  readonly medicareLevySurcharge: Cents;
  /** Positive: excess private health reduction repaid; negative: extra rebate (a refundable offset). */
  readonly privateHealthAdjustment: Cents;
  readonly studyLoanRepayment: Cents;
  /** Refundable offsets: franking credits and any private health insurance offset. */
  readonly refundableOffsets: Cents;
  /** Net tax, levies, excess PHI and study-loan repayment after non-refundable offsets. */
  readonly totalLiability: Cents;
  /** Tax withheld, TFN amounts withheld and instalments. */
  readonly credits: Cents;
  /** Credits + refundable offsets − total liability. Positive: refund; negative: amount owing. */
  readonly refund: Cents;
  /** Marginal rate of income tax at this taxable income (scale only), as a percentage for display. */
  readonly marginalRatePercent: number;
  readonly carryForward: {
    readonly taxLosses: Cents;
    readonly netCapitalLosses: Cents;
    readonly deferredBusinessLosses: Cents;
  };
  readonly incomeTests: {
    readonly rebateIncome: Cents;
    readonly incomeForSurchargePurposes: Cents;
    readonly repaymentIncome: Cents;
  };
  /** Empty when `explain: false`. */
  readonly lines: readonly AssessmentLine[];
  readonly completeness: Completeness;
  /** Provisional figures that shaped this result. */
  readonly provisional: readonly ProvisionalUse[];
}

export type ValidationCode =
  | 'required'
  | 'invalid-type'
  | 'negative'
  | 'not-integer'
  | 'too-large'
  | 'out-of-range'
  | 'invalid-date'
  | 'unknown-income-year'
  | 'unknown-field'
  | 'not-applicable'
  | 'inconsistent';

export interface ValidationIssue {
  /** Dotted path, e.g. "income.salaryWages" or "deductions.car.cars.0.businessKilometres". */
  readonly path: string;
  readonly code: ValidationCode;
  readonly message: string;
}

export type AssessResult =
  | { readonly ok: true; readonly assessment: Assessment }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };
