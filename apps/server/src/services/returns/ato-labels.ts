/**
 * Item numbers and label letters of the ATO individual tax return (and its supplementary section),
 * as the 2025 instructions lay them out, for the exported summary.
 *
 * A letter is given only where it was confirmed against the ATO's instructions (2024 or 2025, or an
 * earlier year where the ATO page and tax-agent software help agree and the form has not changed),
 * or against tax-agent software help for the form. Where a letter could not be confirmed, or where
 * the form splits one of our amounts over several letters, `letter` is null and the summary prints
 * the item number and description without a letter, never a guess.
 *
 * Confirmed (source):
 * - 3 R lump sum A, H lump sum B (5%): MYOB AE Tax help, item 3 "Labels R & H".
 * - 6 B: ATO, 6 Australian Government pensions and allowances 2025 ("question 6 – label B").
 * - 10 L gross interest, M TFN amounts withheld: MYOB AE Tax help 2023, item 10.
 * - 11 S unfranked, T franked, U franking credit, V TFN amounts withheld: ATO "You and your shares"
 *   and MYOB AE Tax help, item 11.
 * - 13 L, U, C, Q, R: ATO, Trust income schedule 2024 instructions (schedule label → question 13 label).
 * - 18 G, H, A, V: ATO, Capital gains tax guide, "how to complete the capital gains item".
 * - 20 E assessable foreign source income, M other net foreign source income, O foreign income tax
 *   offset: MYOB AE Tax help 2019 item 20; LodgeiT help ("20 E", "20O").
 * - D1 A, D3 C, D5 E, D6 K, D7 I, D8 H, D12 H, D15 J (other deductions; E is election expenses):
 *   MYOB AE Tax help for each item (2018–2023).
 * - D10 has three labels (N interest charged by the ATO, L litigation costs, M other costs of
 *   managing tax affairs): MYOB AE Tax help. A D10 amount here is not split, so no single letter.
 * - L1 has Q/F (primary production) and R/Z (non-primary production): ATO L1 2024, MYOB. Not split
 *   here, so no single letter.
 * - IT1 N (employer exempt under s57A FBTAA), W (not exempt): ATO, IT1 2025.
 * - IT2 T: ATO, IT2 2024.
 * - M2 E (covered for the whole year), A (days not liable for the surcharge): HandiTax help, M2.
 * - Private health insurance policy details B insurer ID, C membership number, J premiums eligible,
 *   K rebate received, L benefit code: ATO, "Your private health insurance statement".
 *
 * Not confirmed, printed without a letter: 1 (gross payments, tax withheld), 2, 5, 15, 21 (gross
 * rent, interest, capital works, other rental deductions), 24 (the letter depends on the category),
 * D2, D4, D9, M1, T1, spouse details.
 */
export interface ReturnLabelRef {
  /** The item (question): "1", "11", "D5", "IT1", "M2", or a section name. */
  item: string;
  /** The label letter on the form, or null where it is not confirmed or not a single letter. */
  letter: string | null;
  /** What the form calls it. */
  name: string;
}

const ref = (item: string, letter: string | null, name: string): ReturnLabelRef => ({ item, letter, name });

export const INCOME_LABELS = {
  salaryGross: ref('1', null, 'Gross payments'),
  salaryWithheld: ref('1', null, 'Tax withheld'),
  allowances: ref('2', null, 'Allowances, earnings, tips, director’s fees etc'),
  lumpSumA: ref('3', 'R', 'Lump sum A'),
  lumpSumB: ref('3', 'H', 'Lump sum B (5% is assessable)'),
  governmentAllowances: ref('5', null, 'Australian Government allowances and payments'),
  governmentPensions: ref('6', 'B', 'Australian Government pensions and allowances'),
  interest: ref('10', 'L', 'Gross interest'),
  interestTfn: ref('10', 'M', 'TFN amounts withheld from gross interest'),
  dividendUnfranked: ref('11', 'S', 'Unfranked amount'),
  dividendFranked: ref('11', 'T', 'Franked amount'),
  dividendFrankingCredit: ref('11', 'U', 'Franking credit'),
  dividendTfn: ref('11', 'V', 'TFN amounts withheld from dividends'),
  trustPrimaryProduction: ref('13', 'L', 'Share of net income from trusts (primary production)'),
  trustNonPrimaryProduction: ref(
    '13',
    null,
    'Non-primary production share (labels U and C: put franked distributions at C)',
  ),
  trustFrankingCredits: ref('13', 'Q', 'Share of franking credits from franked dividends'),
  trustTfn: ref('13', 'R', 'Share of credit for TFN amounts withheld'),
  business: ref('15', null, 'Net income or loss from business'),
  capitalGainsEvent: ref('18', 'G', 'Did you have a capital gains tax event during the year?'),
  capitalGainsTotal: ref('18', 'H', 'Total current year capital gains'),
  netCapitalGain: ref('18', 'A', 'Net capital gain'),
  capitalLossesCarriedForward: ref('18', 'V', 'Net capital losses carried forward to later income years'),
  foreignAssessable: ref('20', 'E', 'Assessable foreign source income'),
  foreignOtherNet: ref('20', 'M', 'Other net foreign source income'),
  foreignIncomeTaxOffset: ref('20', 'O', 'Foreign income tax offset'),
  rentGross: ref('21', null, 'Gross rent'),
  rentInterest: ref('21', null, 'Interest deductions'),
  rentCapitalWorks: ref('21', null, 'Capital works deductions'),
  rentOther: ref('21', null, 'Other rental deductions'),
  otherIncome: ref('24', null, 'Other income'),
} as const;

export const INCOME_TEST_LABELS = {
  fringeBenefitsExempt: ref(
    'IT1',
    'N',
    'Reportable fringe benefits, employers exempt from FBT under section 57A',
  ),
  fringeBenefitsOther: ref('IT1', 'W', 'Reportable fringe benefits, other employers'),
  employerSuper: ref('IT2', 'T', 'Reportable employer superannuation contributions'),
  netFinancialInvestmentLoss: ref('IT5', null, 'Net financial investment loss'),
} as const;

export const MEDICARE_LABELS = {
  exemptionDays: ref('M1', null, 'Full 2% levy exemption, number of days'),
  dependentChildren: ref('M1', null, 'Number of dependent children and students'),
  surchargeCovered: ref(
    'M2',
    'E',
    'Were you and all your dependants covered by private patient hospital cover for the whole year?',
  ),
  surchargeDays: ref('M2', 'A', 'Number of days you do not have to pay the surcharge'),
} as const;

export const PRIVATE_HEALTH_LABELS = {
  insurer: ref('Private health insurance policy details', 'B', 'Health insurer ID'),
  premiums: ref(
    'Private health insurance policy details',
    'J',
    'Your premiums eligible for Australian Government rebate',
  ),
  rebate: ref('Private health insurance policy details', 'K', 'Your Australian Government rebate received'),
  benefitCode: ref('Private health insurance policy details', 'L', 'Benefit code'),
} as const;

export const TAX_LOSSES_LABEL = ref('L1', null, 'Tax losses of earlier income years');
export const SAPTO_LABEL = ref('T1', null, 'Seniors and pensioners tax offset');

/** The deduction items D1–D15, in form order, with their letter where it is confirmed. */
export type DeductionItem =
  | 'D1'
  | 'D2'
  | 'D3'
  | 'D4'
  | 'D5'
  | 'D6'
  | 'D7'
  | 'D8'
  | 'D9'
  | 'D10'
  | 'D11'
  | 'D12'
  | 'D13'
  | 'D14'
  | 'D15';

export const DEDUCTION_ITEMS: Record<DeductionItem, ReturnLabelRef> = {
  D1: ref('D1', 'A', 'Work-related car expenses'),
  D2: ref('D2', null, 'Work-related travel expenses'),
  D3: ref('D3', 'C', 'Work-related clothing, laundry and dry-cleaning expenses'),
  D4: ref('D4', null, 'Work-related self-education expenses'),
  D5: ref('D5', 'E', 'Other work-related expenses'),
  D6: ref('D6', 'K', 'Low-value pool deduction'),
  D7: ref('D7', 'I', 'Interest deductions'),
  D8: ref('D8', 'H', 'Dividend deductions'),
  D9: ref('D9', null, 'Gifts or donations'),
  D10: ref('D10', null, 'Cost of managing tax affairs (labels L, M or N by type)'),
  D11: ref('D11', null, 'Deductible amount of undeducted purchase price of a foreign pension or annuity'),
  D12: ref('D12', 'H', 'Personal superannuation contributions'),
  D13: ref('D13', null, 'Deduction for project pool'),
  D14: ref('D14', null, 'Forestry managed investment scheme deduction'),
  D15: ref('D15', 'J', 'Other deductions'),
};

export const DEDUCTION_ORDER = Object.keys(DEDUCTION_ITEMS) as DeductionItem[];

/** The item's title as printed: "Item 11 Dividends", "D5 Other work-related expenses". */
export const INCOME_ITEM_TITLES: Record<string, string> = {
  '1': 'Salary or wages',
  '2': 'Allowances, earnings, tips, director’s fees etc',
  '3': 'Employer lump sum payments',
  '5': 'Australian Government allowances and payments',
  '6': 'Australian Government pensions and allowances',
  '10': 'Gross interest',
  '11': 'Dividends',
  '13': 'Partnerships and trusts',
  '15': 'Net income or loss from business',
  '18': 'Capital gains',
  '20': 'Foreign source income and foreign assets or property',
  '21': 'Rent',
  '24': 'Other income',
};

/** "label T" / "" — the letter part of a reference, for printing after a figure's name. */
export function letterText(label: ReturnLabelRef): string {
  return label.letter ? ` (label ${label.letter})` : '';
}

/** "Item 11 label T" / "Item 1" / "D5 label E" — for cross-references. */
export function labelRefText(label: ReturnLabelRef): string {
  const item = /^\d+$/.test(label.item) ? `Item ${label.item}` : label.item;
  return label.letter ? `${item} label ${label.letter}` : item;
}

/**
 * Private health insurance benefit codes: the age of the oldest person covered and the part of the
 * year the premiums were for (x0 = 1 July to 31 March, x1 = 1 April to 30 June).
 */
export const BENEFIT_CODE_MEANING: Record<30 | 31 | 35 | 36 | 40 | 41, string> = {
  30: 'everyone covered under 65, 1 July to 31 March',
  31: 'everyone covered under 65, 1 April to 30 June',
  35: 'oldest person covered 65 to 69, 1 July to 31 March',
  36: 'oldest person covered 65 to 69, 1 April to 30 June',
  40: 'oldest person covered 70 or older, 1 July to 31 March',
  41: 'oldest person covered 70 or older, 1 April to 30 June',
};
