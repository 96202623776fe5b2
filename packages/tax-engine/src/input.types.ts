import type { IncomeYear } from './income-year';
import type { Cents } from './money';

/**
 * One income year's return, structured like the ATO individual return. Every money amount is
 * integer cents. A field left undefined means "not answered"; the assessment treats it as nil and,
 * where the answer could change the result, lists it under completeness.missing.
 */
export interface TaxReturnInput {
  readonly incomeYear: IncomeYear;
  readonly residency: ResidencyInput;
  readonly income?: IncomeInput;
  readonly deductions?: DeductionsInput;
  /** Tax withheld and other credits. */
  readonly credits?: CreditsInput;
  /** Spouse details; `null` means no spouse during the year, undefined means not answered. */
  readonly spouse?: SpouseInput | null;
  readonly dependants?: DependantsInput;
  /** Seniors and pensioners tax offset; `null` means not eligible (not of age and no qualifying pension). */
  readonly sapto?: SaptoInput | null;
  readonly privateHealth?: PrivateHealthInput;
  readonly studyLoan?: StudyLoanInput;
  /** Amounts used only in income tests (rebate income, income for MLS purposes, repayment income). */
  readonly incomeTests?: IncomeTestsInput;
  readonly medicare?: MedicareInput;
}

/**
 * - resident: an Australian resident for tax purposes for the whole year.
 * - part-year-resident: became or stopped being a resident during the year. Give the date(s), or
 *   the month and day counts directly (months include the month of arrival or departure).
 * - foreign-resident: not a resident at any time in the year.
 * - working-holiday-maker: held a 417 or 462 visa (ITRA s3A). Working holiday income is taxed first at
 *   the WHM rates; the rest at the resident or foreign-resident scale from that point.
 */
export type ResidencyInput =
  | { readonly kind: 'resident' }
  | { readonly kind: 'foreign-resident' }
  | {
      readonly kind: 'part-year-resident';
      /** ISO date the person became a resident (within the year). */
      readonly residentFrom?: string;
      /** ISO date the person stopped being a resident (within the year). */
      readonly residentUntil?: string;
      /** Months of the year in a part-year residency period (1-11), if dates are not given. */
      readonly monthsResident?: number;
      /** Days resident, if dates are not given (used for the Medicare levy and surcharge). */
      readonly daysResident?: number;
    }
  | {
      readonly kind: 'working-holiday-maker';
      /** Resident for tax purposes (rare; defaults to false = foreign resident). */
      readonly taxResident?: boolean;
      /** Working holiday net income (assessable income earned on the visa less related deductions). */
      readonly workingHolidayNetIncome?: Cents;
    };

export interface IncomeInput {
  /** Item 1: salary or wages, gross payments. */
  readonly salaryWages?: Cents;
  /** Item 2: allowances, earnings, tips, director's fees. */
  readonly allowances?: Cents;
  /** Item 3 label R: lump sum A. Type R (redundancy, invalidity, pre-1993 leave) is taxed at no more than 30%. */
  readonly lumpSumA?: { readonly amount: Cents; readonly type: 'R' | 'T' };
  /** Item 3 label H: lump sum B (pre-16 August 1978 leave): 5% is assessable. */
  readonly lumpSumB?: Cents;
  /** Item 5: Australian Government allowances and payments (JobSeeker, Youth Allowance, …). */
  readonly governmentAllowances?: Cents;
  /** Item 6: Australian Government pensions and allowances (Age Pension, Carer Payment, …). */
  readonly governmentPensions?: Cents;
  /** Item 10 label L: gross interest. */
  readonly grossInterest?: Cents;
  /** Item 11: dividends. */
  readonly dividends?: DividendsInput;
  /** Item 12: employee share schemes. */
  readonly employeeShareSchemes?: EmployeeShareSchemesInput;
  /** Item 13: partnerships and trusts (net amounts; may be losses). */
  readonly partnershipsAndTrusts?: PartnershipsAndTrustsInput;
  /** Item 15: net income or loss from business (sole trader). */
  readonly business?: BusinessInput;
  /** Item 18: capital gains. */
  readonly capitalGains?: CapitalGainsInput;
  /** Item 20: foreign source income and foreign tax paid. */
  readonly foreignIncome?: ForeignIncomeInput;
  /** Item 21: rent, one entry per property. */
  readonly rentalProperties?: readonly RentalPropertyInput[];
  /** Item 24: other income. */
  readonly otherIncome?: Cents;
}

export interface DividendsInput {
  /** Label S. */
  readonly unfranked?: Cents;
  /** Label T. */
  readonly franked?: Cents;
  /** Label U: franking credits (grossed up into income; refundable to residents). */
  readonly frankingCredits?: Cents;
}

export interface EmployeeShareSchemesInput {
  /** Label D: discount from taxed-upfront schemes eligible for the $1,000 reduction. */
  readonly upfrontEligibleForReduction?: Cents;
  /** Label E: discount from taxed-upfront schemes not eligible for reduction. */
  readonly upfrontNotEligible?: Cents;
  /** Label F: discount from deferral schemes. */
  readonly deferral?: Cents;
  /** Label G: discount on ESS interests acquired before 1 July 2009 (cessation time this year). */
  readonly pre2009?: Cents;
}

export interface PartnershipsAndTrustsInput {
  /** Net primary production distribution (13L/13N; may be negative). */
  readonly primaryProduction?: Cents;
  /** Net non-primary production distribution (13O/13U; may be negative), including franked distributions. */
  readonly nonPrimaryProduction?: Cents;
  /** Franking credits from trusts (13Q). */
  readonly frankingCredits?: Cents;
  /** Share of net small business income from small business partnerships and trusts (13D/13E). */
  readonly smallBusinessNetIncome?: Cents;
}

export interface BusinessInput {
  /** Net income (positive) or loss (negative) from the business. */
  readonly netIncome: Cents;
  /** Aggregated turnover under $5 million (a small business entity): the small business income tax offset applies. */
  readonly smallBusinessEntity?: boolean;
  /** For a loss: whether it passes the non-commercial loss rules (Div 35) and can be deducted this year. */
  readonly lossDeductibleThisYear?: boolean;
}

export interface CapitalGainInput {
  /** Capital gain before losses and the discount (cents). */
  readonly amount: Cents;
  /** Asset held at least 12 months (the CGT discount can apply). */
  readonly discountEligible: boolean;
  readonly description?: string;
}

export interface CapitalGainsInput {
  readonly gains?: readonly CapitalGainInput[];
  /** Capital losses made this year. */
  readonly currentYearLosses?: Cents;
  /** Net capital losses carried forward from earlier years. */
  readonly priorYearNetLosses?: Cents;
}

export interface ForeignIncomeInput {
  /** Assessable foreign source income (net of related deductions), including foreign employment income. */
  readonly assessableForeignIncome?: Cents;
  /** Foreign income tax paid on amounts included in assessable income (counts towards the offset). */
  readonly foreignTaxPaid?: Cents;
}

export interface RentalPropertyInput {
  readonly label?: string;
  /** Label P: gross rent. */
  readonly grossRent: Cents;
  /** Label F: interest deductions. */
  readonly interestDeductions?: Cents;
  /** Label X: capital works deductions. */
  readonly capitalWorksDeductions?: Cents;
  /** Label U: other rental deductions. */
  readonly otherDeductions?: Cents;
}

/** Deductions by ATO label D1–D15 and L1. */
export interface DeductionsInput {
  /** D1 work-related car expenses: each car (method compared), plus any amount already worked out. */
  readonly car?: { readonly cars?: readonly CarInput[]; readonly otherAmount?: Cents };
  /** D2 work-related travel expenses. */
  readonly travel?: Cents;
  /** D3 work-related clothing, laundry and dry-cleaning expenses. */
  readonly clothing?: Cents;
  /** D4 work-related self-education expenses. */
  readonly selfEducation?: SelfEducationInput;
  /** D5 other work-related expenses (excluding working from home, which is `workingFromHome`). */
  readonly otherWorkRelated?: Cents;
  /** D5 part: working from home (fixed rate and actual cost compared). */
  readonly workingFromHome?: WorkFromHomeInput;
  /** D6 low-value pool deduction. */
  readonly lowValuePool?: Cents;
  /** D7 interest deductions. */
  readonly interest?: Cents;
  /** D8 dividend deductions. */
  readonly dividend?: Cents;
  /** D9 gifts or donations. */
  readonly giftsAndDonations?: Cents;
  /** D10 cost of managing tax affairs. */
  readonly costOfManagingTaxAffairs?: Cents;
  /** D11 deductible amount of undeducted purchase price of a foreign pension or annuity. */
  readonly foreignPensionUndeductedPurchasePrice?: Cents;
  /** D12 personal superannuation contributions. */
  readonly personalSuperContributions?: Cents;
  /** D13 deduction for project pool. */
  readonly projectPool?: Cents;
  /** D14 forestry managed investment scheme deduction. */
  readonly forestryManagedInvestment?: Cents;
  /** D15 other deductions (e.g. income protection insurance). */
  readonly other?: Cents;
  /** L1 tax losses of earlier income years. */
  readonly priorYearTaxLosses?: Cents;
}

export interface CarInput {
  readonly label?: string;
  /** Work kilometres travelled in this car (cents-per-km method caps this at 5,000). */
  readonly businessKilometres: number;
  /** Logbook method details, if a valid logbook is kept. */
  readonly logbook?: {
    /** Business-use percentage in basis points (6,250 = 62.5%). */
    readonly businessUseBasisPoints: number;
    /** Running costs: fuel, servicing, registration, insurance, interest, lease payments. */
    readonly carExpenses: Cents;
    /** Decline in value of the car. */
    readonly declineInValue: Cents;
  };
}

export interface SelfEducationInput {
  /** Deductible self-education expenses (categories A, B and C). */
  readonly expenses: Cents;
  /** Category E: non-deductible expenses (e.g. childcare, capital costs) that reduce the old $250 reduction. */
  readonly nonDeductibleCategoryE?: Cents;
}

/** Work-related portion of actual costs while working from home, and the hours worked there. */
export interface WorkFromHomeInput {
  /** Hours worked from home in the year (up to 2 decimal places). */
  readonly hours: number;
  /** Electricity and gas. */
  readonly energy?: Cents;
  readonly phoneAndInternet?: Cents;
  readonly stationeryAndConsumables?: Cents;
  /** Cleaning of a dedicated work area. */
  readonly cleaning?: Cents;
  /** Decline in value and repairs of home office furniture and furnishings. */
  readonly furnitureDeclineInValue?: Cents;
  /** Decline in value and repairs of computers, phones and other equipment. */
  readonly equipmentDeclineInValue?: Cents;
}

export interface CreditsInput {
  /** PAYG tax withheld (items 1, 2, 3, 5 and 6). */
  readonly paygWithholding?: Cents;
  /** TFN amounts withheld (interest, dividends, ESS, trusts). */
  readonly tfnAmountsWithheld?: Cents;
  /** PAYG instalments paid for the year. */
  readonly paygInstalments?: Cents;
}

export interface SpouseInput {
  /** Spouse's taxable income (or an estimate). */
  readonly taxableIncome: Cents;
  /**
   * Spouse's other amounts counted in income for MLS and PHI purposes (reportable fringe benefits,
   * reportable super contributions, net investment losses).
   */
  readonly otherIncomeTestAmounts?: Cents;
}

export interface DependantsInput {
  /** Dependent children and students (Medicare levy family threshold; MLS family threshold). */
  readonly dependentChildren: number;
  /** Had sole care of the dependent children (no spouse). Inconsistent with having a spouse. */
  readonly soleParent?: boolean;
}

export interface SaptoInput {
  /** Meets the age or pension conditions for SAPTO. */
  readonly eligible: boolean;
  readonly category: 'single' | 'couple' | 'illness-separated-couple';
}

/** One line of a private health insurance statement. */
export interface PrivateHealthStatementLine {
  /** Premiums eligible for the Australian Government rebate (your share). */
  readonly premiumsEligible: Cents;
  /** Rebate already received as a premium reduction (your share). */
  readonly rebateReceived: Cents;
  /**
   * Benefit code: 30/35/40 for 1 July – 31 March, 31/36/41 for 1 April – 30 June; 30/31 oldest person
   * under 65, 35/36 aged 65-69, 40/41 aged 70 or over.
   */
  readonly benefitCode: 30 | 31 | 35 | 36 | 40 | 41;
}

export interface PrivateHealthInput {
  /** Appropriate private patient hospital cover: the whole year, none, or a number of days. */
  readonly hospitalCover?: 'full-year' | 'none' | { readonly days: number };
  readonly statements?: readonly PrivateHealthStatementLine[];
}

export interface StudyLoanInput {
  /** Has a HELP, VSL, SFSS, SSL, ABSTUDY SSL or AASL/TSL debt on 1 June. */
  readonly hasDebt: boolean;
  /** Total balance of study and training loans, if known (the repayment cannot exceed it). */
  readonly balance?: Cents;
}

export interface IncomeTestsInput {
  /** Reportable fringe benefits from employers exempt from FBT under s57A (hospitals, PBIs). */
  readonly reportableFringeBenefitsExempt?: Cents;
  /** Reportable fringe benefits from other employers. */
  readonly reportableFringeBenefitsOther?: Cents;
  /** Reportable employer superannuation contributions (salary sacrifice). */
  readonly reportableEmployerSuper?: Cents;
  /** Net financial investment loss (shares, managed funds); rental losses are worked out from item 21. */
  readonly netFinancialInvestmentLoss?: Cents;
  /** Exempt foreign employment income. */
  readonly exemptForeignEmploymentIncome?: Cents;
}

export interface MedicareInput {
  /** Days with a full Medicare levy exemption (category 1-5, other than days as a foreign resident). */
  readonly fullExemptionDays?: number;
  /** Days with a half exemption. */
  readonly halfExemptionDays?: number;
}

export interface AssessOptions {
  /** Build explanation lines (default true). The numbers are identical either way. */
  readonly explain?: boolean;
}
