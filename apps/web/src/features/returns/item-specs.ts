import { DEDUCTION_LABEL_NAMES, type DeductionLabel, type ReturnItem } from '@numeri/contracts';
import { formatCents } from '../../lib/format';
import type { ItemKind } from './sections';

/**
 * What the interview asks for each kind of return item: plain labels, hints that say where on the
 * statement to look, and which fields are less common (folded away until needed).
 */

interface FieldBase {
  key: string;
  label: string;
  hint?: string;
  /** Folded under "Less common" until opened (or until it has a value). */
  advanced?: boolean;
}

export type FieldSpec =
  | (FieldBase & { type: 'text'; placeholder?: string; optional?: boolean; inputMode?: 'numeric' | 'text' })
  | (FieldBase & { type: 'money'; optional?: boolean; signed?: boolean })
  | (FieldBase & { type: 'integer'; suffix?: string })
  | (FieldBase & { type: 'boolean' })
  | (FieldBase & { type: 'select'; options: { value: string; label: string }[]; numeric?: boolean })
  | (FieldBase & { type: 'date'; optional?: boolean })
  | (FieldBase & { type: 'percent' });

export interface KindSpec {
  kind: ItemKind;
  /** "employer", "bank account"… */
  noun: string;
  addLabel: string;
  /** The card's heading. */
  title: (item: ReturnItem) => string;
  /** One line of figures under the heading. */
  summary: (item: ReturnItem) => string;
  fields: FieldSpec[];
}

/** Plain descriptions of each deduction label, for the receipt's label picker. */
export const DEDUCTION_LABEL_HELP: Record<DeductionLabel, string> = {
  D2: 'Fares, accommodation and meals when you travelled away from your usual workplace for work. Not your trip to and from work.',
  D3: 'Uniforms, protective or occupation-specific clothing, and washing or dry-cleaning them. Not everyday clothes.',
  D5: 'Tools and equipment, union and professional fees, work use of your phone and internet, subscriptions and seminars.',
  D6: 'Decline in value of items worth less than $1,000 that you put in a low-value pool in earlier years.',
  D7: 'Interest on money borrowed to buy shares, and fees on accounts that earn interest.',
  D8: 'Costs of earning your dividends, such as investment advice fees.',
  D9: 'Gifts of $2 or more to a deductible gift recipient, such as a registered charity. Not raffle tickets.',
  D10: 'Fees you paid a tax agent, and tax software or advice you paid for.',
  D12: 'After-tax super contributions you told your fund you will claim, once it acknowledged your notice.',
  D15: 'Income protection insurance outside super, and other deductions that belong nowhere else.',
};

export function deductionLabelName(label: DeductionLabel): string {
  return `${label} ${DEDUCTION_LABEL_NAMES[label]}`;
}

const money = (cents: number) => formatCents(cents, { wholeDollars: cents % 100 === 0 });
const parts = (...values: (string | false | null | undefined)[]) => values.filter(Boolean).join(' · ');

type Of<K extends ItemKind> = Extract<ReturnItem, { kind: K }>;
const as = <K extends ItemKind>(item: ReturnItem) => item as Of<K>;

export const KIND_SPECS: Record<ItemKind, KindSpec> = {
  employment: {
    kind: 'employment',
    noun: 'employer',
    addLabel: 'Add an employer',
    title: (i) => as<'employment'>(i).payerName,
    summary: (i) => {
      const e = as<'employment'>(i);
      return parts(
        `${money(e.grossPaymentsCents)} gross`,
        `${money(e.taxWithheldCents)} tax withheld`,
        e.allowancesCents > 0 && `${money(e.allowancesCents)} allowances`,
      );
    },
    fields: [
      {
        type: 'text',
        key: 'payerName',
        label: 'Employer’s name',
        hint: 'As it appears on your income statement.',
      },
      {
        type: 'money',
        key: 'grossPaymentsCents',
        label: 'Gross payments',
        hint: 'Your pay before tax: “Gross payments” on your income statement.',
      },
      {
        type: 'money',
        key: 'taxWithheldCents',
        label: 'Tax withheld',
        hint: '“Total tax withheld” on your income statement.',
      },
      {
        type: 'money',
        key: 'allowancesCents',
        label: 'Allowances',
        hint: 'Car, tool, uniform or other allowances shown separately on your income statement.',
        optional: true,
      },
      {
        type: 'text',
        key: 'payerAbn',
        label: 'Employer’s ABN',
        hint: '11 digits, on your income statement.',
        optional: true,
        inputMode: 'numeric',
        advanced: true,
      },
      {
        type: 'money',
        key: 'reportableFringeBenefitsCents',
        label: 'Reportable fringe benefits',
        hint: 'Not taxed here, but counted for the Medicare levy surcharge and other income tests.',
        advanced: true,
        optional: true,
      },
      {
        type: 'boolean',
        key: 'fringeBenefitsEmployerExempt',
        label: 'My employer is exempt from fringe benefits tax (for example a hospital or charity)',
        advanced: true,
      },
      {
        type: 'money',
        key: 'reportableEmployerSuperCents',
        label: 'Reportable employer super contributions',
        hint: 'Salary sacrificed to super, if your income statement shows it.',
        advanced: true,
        optional: true,
      },
      {
        type: 'money',
        key: 'lumpSumACents',
        label: 'Lump sum A',
        hint: 'Unused annual or long service leave paid out when you left.',
        advanced: true,
        optional: true,
      },
      {
        type: 'select',
        key: 'lumpSumAType',
        label: 'Lump sum A type',
        hint: 'R: paid because of redundancy, invalidity or early retirement. T: any other reason.',
        options: [
          { value: 'T', label: 'T — other reasons' },
          { value: 'R', label: 'R — redundancy or early retirement' },
        ],
        advanced: true,
      },
      {
        type: 'money',
        key: 'lumpSumBCents',
        label: 'Lump sum B',
        hint: 'Long service leave built up before 16 August 1978.',
        advanced: true,
        optional: true,
      },
    ],
  },
  'government-payment': {
    kind: 'government-payment',
    noun: 'government payment',
    addLabel: 'Add a government payment',
    title: (i) => as<'government-payment'>(i).description,
    summary: (i) => {
      const g = as<'government-payment'>(i);
      return parts(
        g.paymentType === 'pension' ? 'Pension' : 'Allowance',
        money(g.amountCents),
        g.taxWithheldCents > 0 && `${money(g.taxWithheldCents)} tax withheld`,
      );
    },
    fields: [
      { type: 'text', key: 'description', label: 'Payment name', placeholder: 'JobSeeker Payment' },
      {
        type: 'select',
        key: 'paymentType',
        label: 'Kind of payment',
        options: [
          { value: 'allowance', label: 'An allowance, such as JobSeeker or Youth Allowance' },
          { value: 'pension', label: 'A pension, such as the Age Pension or Carer Payment' },
        ],
      },
      {
        type: 'money',
        key: 'amountCents',
        label: 'Amount received',
        hint: 'The taxable amount on your payment summary.',
      },
      { type: 'money', key: 'taxWithheldCents', label: 'Tax withheld', optional: true },
    ],
  },
  interest: {
    kind: 'interest',
    noun: 'bank account',
    addLabel: 'Add a bank account',
    title: (i) => as<'interest'>(i).institution,
    summary: (i) => {
      const n = as<'interest'>(i);
      return parts(
        `${money(n.grossInterestCents)} interest`,
        n.tfnWithheldCents > 0 && `${money(n.tfnWithheldCents)} TFN amounts withheld`,
      );
    },
    fields: [
      {
        type: 'text',
        key: 'institution',
        label: 'Bank or account',
        placeholder: 'Everyday savings, My Bank',
      },
      {
        type: 'money',
        key: 'grossInterestCents',
        label: 'Interest earned',
        hint: 'Your share only, for a joint account. Before any fees.',
      },
      {
        type: 'money',
        key: 'tfnWithheldCents',
        label: 'TFN amounts withheld',
        hint: 'Only if the bank withheld tax because it didn’t have your tax file number.',
        optional: true,
        advanced: true,
      },
    ],
  },
  dividend: {
    kind: 'dividend',
    noun: 'dividend',
    addLabel: 'Add a dividend statement',
    title: (i) => as<'dividend'>(i).company,
    summary: (i) => {
      const d = as<'dividend'>(i);
      return parts(
        d.frankedCents > 0 && `${money(d.frankedCents)} franked`,
        d.unfrankedCents > 0 && `${money(d.unfrankedCents)} unfranked`,
        d.frankingCreditCents > 0 && `${money(d.frankingCreditCents)} franking credits`,
      );
    },
    fields: [
      { type: 'text', key: 'company', label: 'Company', placeholder: 'BHP Group' },
      { type: 'money', key: 'frankedCents', label: 'Franked amount', optional: true },
      { type: 'money', key: 'unfrankedCents', label: 'Unfranked amount', optional: true },
      {
        type: 'money',
        key: 'frankingCreditCents',
        label: 'Franking credit',
        hint: 'Tax the company already paid. It is added to your income and comes back to you as a credit.',
        optional: true,
      },
      { type: 'date', key: 'paymentDate', label: 'Payment date', optional: true, advanced: true },
      {
        type: 'money',
        key: 'tfnWithheldCents',
        label: 'TFN amounts withheld',
        optional: true,
        advanced: true,
      },
    ],
  },
  distribution: {
    kind: 'distribution',
    noun: 'distribution',
    addLabel: 'Add a tax statement',
    title: (i) => as<'distribution'>(i).trustName,
    summary: (i) => {
      const d = as<'distribution'>(i);
      return parts(
        `${money(d.nonPrimaryProductionCents + d.primaryProductionCents)} share of net income`,
        d.frankingCreditsCents > 0 && `${money(d.frankingCreditsCents)} franking credits`,
        d.capitalGainsDiscountableCents + d.capitalGainsOtherCents > 0 &&
          `${money(d.capitalGainsDiscountableCents + d.capitalGainsOtherCents)} capital gains`,
      );
    },
    fields: [
      {
        type: 'text',
        key: 'trustName',
        label: 'Fund or trust',
        placeholder: 'Vanguard Australian Shares ETF',
      },
      {
        type: 'money',
        key: 'nonPrimaryProductionCents',
        label: 'Share of net income (non-primary production)',
        hint: 'Item 13 labels U and C on the statement; enter a loss with a minus sign.',
        signed: true,
        optional: true,
      },
      {
        type: 'money',
        key: 'frankingCreditsCents',
        label: 'Franking credits',
        hint: 'Item 13 label Q.',
        optional: true,
      },
      {
        type: 'money',
        key: 'capitalGainsDiscountableCents',
        label: 'Discountable capital gains (before the discount)',
        hint: 'The “gross discounted” gain grossed back up, from item 18.',
        optional: true,
      },
      {
        type: 'money',
        key: 'capitalGainsOtherCents',
        label: 'Other capital gains',
        optional: true,
        advanced: true,
      },
      {
        type: 'money',
        key: 'primaryProductionCents',
        label: 'Share of net income (primary production)',
        signed: true,
        optional: true,
        advanced: true,
      },
      { type: 'money', key: 'foreignIncomeCents', label: 'Foreign income', optional: true, advanced: true },
      {
        type: 'money',
        key: 'foreignTaxPaidCents',
        label: 'Foreign tax paid',
        optional: true,
        advanced: true,
      },
      {
        type: 'money',
        key: 'tfnWithheldCents',
        label: 'TFN amounts withheld',
        optional: true,
        advanced: true,
      },
    ],
  },
  'capital-gain': {
    kind: 'capital-gain',
    noun: 'asset',
    addLabel: 'Add an asset you sold',
    title: (i) => as<'capital-gain'>(i).description,
    summary: (i) => {
      const g = as<'capital-gain'>(i);
      return parts(
        `${money(g.amountCents)} gain`,
        g.discountEligible ? 'held 12 months or more' : 'held under 12 months',
      );
    },
    fields: [
      { type: 'text', key: 'description', label: 'What you sold', placeholder: '200 CBA shares' },
      {
        type: 'money',
        key: 'amountCents',
        label: 'Capital gain',
        hint: 'What you received less what it cost you (including buying and selling costs).',
      },
      {
        type: 'boolean',
        key: 'discountEligible',
        label: 'I owned it for at least 12 months',
        hint: 'Then only half of the gain is taxed (the 50% discount).',
      },
    ],
  },
  'rental-property': {
    kind: 'rental-property',
    noun: 'property',
    addLabel: 'Add a rental property',
    title: (i) => as<'rental-property'>(i).address,
    summary: (i) => {
      const r = as<'rental-property'>(i);
      const net = r.grossRentCents - r.interestCents - r.capitalWorksCents - r.otherDeductionsCents;
      return parts(
        `${money(r.grossRentCents)} rent`,
        `${net < 0 ? 'net loss ' : 'net '}${money(Math.abs(net))}`,
      );
    },
    fields: [
      { type: 'text', key: 'address', label: 'Property address' },
      {
        type: 'money',
        key: 'grossRentCents',
        label: 'Rent received',
        hint: 'Before agent’s fees.',
        optional: true,
      },
      { type: 'money', key: 'interestCents', label: 'Interest on the loan', optional: true },
      {
        type: 'money',
        key: 'capitalWorksCents',
        label: 'Capital works deductions',
        hint: 'From your depreciation schedule (the building, not its fittings).',
        optional: true,
      },
      {
        type: 'money',
        key: 'otherDeductionsCents',
        label: 'Other rental expenses',
        hint: 'Agent’s fees, rates, insurance, repairs and depreciation of fittings.',
        optional: true,
      },
    ],
  },
  business: {
    kind: 'business',
    noun: 'business',
    addLabel: 'Add a business',
    title: (i) => as<'business'>(i).description,
    summary: (i) => {
      const b = as<'business'>(i);
      return b.netIncomeCents < 0
        ? `Net loss ${money(-b.netIncomeCents)}`
        : `Net income ${money(b.netIncomeCents)}`;
    },
    fields: [
      {
        type: 'text',
        key: 'description',
        label: 'What the business does',
        placeholder: 'Ride-share driving',
      },
      {
        type: 'money',
        key: 'netIncomeCents',
        label: 'Net income or loss',
        hint: 'Income less business expenses. Enter a loss with a minus sign.',
        signed: true,
      },
      {
        type: 'boolean',
        key: 'smallBusinessEntity',
        label: 'Turnover was under $5 million',
        hint: 'Small businesses get the small business income tax offset.',
      },
      {
        type: 'boolean',
        key: 'lossDeductibleThisYear',
        label: 'A loss passes the non-commercial loss rules',
        hint: 'If not, a loss is carried to a later year instead of reducing other income.',
        advanced: true,
      },
    ],
  },
  'foreign-income': {
    kind: 'foreign-income',
    noun: 'foreign income',
    addLabel: 'Add overseas income',
    title: (i) => as<'foreign-income'>(i).description,
    summary: (i) => {
      const f = as<'foreign-income'>(i);
      return parts(
        money(f.amountCents),
        f.foreignTaxPaidCents > 0 && `${money(f.foreignTaxPaidCents)} foreign tax paid`,
      );
    },
    fields: [
      { type: 'text', key: 'description', label: 'What it is', placeholder: 'UK pension' },
      { type: 'money', key: 'amountCents', label: 'Amount in Australian dollars' },
      {
        type: 'money',
        key: 'foreignTaxPaidCents',
        label: 'Foreign tax paid',
        hint: 'Counts as a credit (the foreign income tax offset).',
        optional: true,
      },
    ],
  },
  'other-income': {
    kind: 'other-income',
    noun: 'income',
    addLabel: 'Add other income',
    title: (i) => as<'other-income'>(i).description,
    summary: (i) => money(as<'other-income'>(i).amountCents),
    fields: [
      { type: 'text', key: 'description', label: 'What it is' },
      { type: 'money', key: 'amountCents', label: 'Amount' },
    ],
  },
  deduction: {
    kind: 'deduction',
    noun: 'expense',
    addLabel: 'Add a receipt or expense',
    title: (i) => as<'deduction'>(i).description,
    summary: (i) => {
      const d = as<'deduction'>(i);
      return parts(
        d.label,
        money(d.amountCents),
        d.workUseBasisPoints < 10_000 && `${d.workUseBasisPoints / 100}% for work`,
        d.supplier,
      );
    },
    fields: [
      { type: 'text', key: 'description', label: 'What it was', placeholder: 'Steel-capped boots' },
      { type: 'money', key: 'amountCents', label: 'Amount paid', hint: 'The full amount on the receipt.' },
      {
        type: 'percent',
        key: 'workUseBasisPoints',
        label: 'Work share',
        hint: 'If you also used it privately, the part used for work (100% if only for work).',
      },
      { type: 'date', key: 'date', label: 'Date paid', optional: true },
      {
        type: 'text',
        key: 'supplier',
        label: 'Paid to',
        optional: true,
        placeholder: 'Shop or organisation',
      },
    ],
  },
  car: {
    kind: 'car',
    noun: 'car',
    addLabel: 'Add a car',
    title: (i) => as<'car'>(i).description,
    summary: (i) => {
      const c = as<'car'>(i);
      return parts(
        `${c.businessKilometres.toLocaleString('en-AU')} work km`,
        c.logbook ? 'logbook kept' : 'no logbook',
      );
    },
    fields: [],
  },
  'working-from-home': {
    kind: 'working-from-home',
    noun: 'working from home',
    addLabel: 'Add your working-from-home hours',
    title: () => 'Working from home',
    summary: (i) => `${as<'working-from-home'>(i).hours.toLocaleString('en-AU')} hours`,
    fields: [],
  },
  'self-education': {
    kind: 'self-education',
    noun: 'course',
    addLabel: 'Add a course or study cost',
    title: (i) => as<'self-education'>(i).description,
    summary: (i) => money(as<'self-education'>(i).amountCents),
    fields: [
      {
        type: 'text',
        key: 'description',
        label: 'Course or cost',
        placeholder: 'Cert IV in Project Management',
      },
      {
        type: 'money',
        key: 'amountCents',
        label: 'Amount paid',
        hint: 'Fees, textbooks, stationery and travel for the course. Not HELP loan amounts.',
      },
    ],
  },
  'private-health': {
    kind: 'private-health',
    noun: 'statement line',
    addLabel: 'Add a line from your statement',
    title: (i) => as<'private-health'>(i).insurer,
    summary: (i) => {
      const h = as<'private-health'>(i);
      return parts(
        `Code ${h.benefitCode}`,
        `${money(h.premiumsEligibleCents)} premiums`,
        `${money(h.rebateReceivedCents)} rebate received`,
      );
    },
    fields: [
      { type: 'text', key: 'insurer', label: 'Health insurer', placeholder: 'Medibank' },
      {
        type: 'money',
        key: 'premiumsEligibleCents',
        label: 'Premiums eligible for the rebate',
        hint: 'Column J (“Your premiums eligible for Australian Government rebate”) on your statement.',
      },
      {
        type: 'money',
        key: 'rebateReceivedCents',
        label: 'Rebate received',
        hint: 'Column K (“Your Australian Government rebate received”).',
        optional: true,
      },
      {
        type: 'select',
        key: 'benefitCode',
        label: 'Benefit code',
        hint: 'Column L. One line per row of the table on your statement.',
        numeric: true,
        options: [
          { value: '30', label: '30 — under 65, 1 July to 31 March' },
          { value: '31', label: '31 — under 65, 1 April to 30 June' },
          { value: '35', label: '35 — 65 to 69, 1 July to 31 March' },
          { value: '36', label: '36 — 65 to 69, 1 April to 30 June' },
          { value: '40', label: '40 — 70 or older, 1 July to 31 March' },
          { value: '41', label: '41 — 70 or older, 1 April to 30 June' },
        ],
      },
    ],
  },
};

/** A new item of a kind, with the fields a person must still fill left empty. */
export function blankItem(
  kind: ItemKind,
  id: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = { id, kind, source: 'manual', evidence: [] };
  switch (kind) {
    case 'government-payment':
      return { ...base, paymentType: 'allowance', ...extra };
    case 'capital-gain':
      return { ...base, discountEligible: true, ...extra };
    case 'business':
      return { ...base, smallBusinessEntity: true, lossDeductibleThisYear: false, ...extra };
    case 'deduction':
      return { ...base, label: 'D5', workUseBasisPoints: 10_000, ...extra };
    case 'private-health':
      return { ...base, benefitCode: 30, ...extra };
    case 'employment':
      return { ...base, lumpSumAType: 'T', fringeBenefitsEmployerExempt: false, ...extra };
    default:
      return { ...base, ...extra };
  }
}

/** The name of an item in a sentence ("Acme Pty Ltd (employer)"). */
export function describeItem(item: ReturnItem): string {
  const spec = KIND_SPECS[item.kind];
  return `${spec.title(item)} (${spec.noun})`;
}
