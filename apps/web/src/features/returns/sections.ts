import type { DeductionLabel, ReturnFacts, ReturnItem, ReturnSection } from '@numeri/contracts';
import { SOURCES, type SourceLink } from './sources';

/**
 * The interview: "personalise your return" picks the sections that apply; each becomes a step.
 * Steps that only hold facts (health, family, study loan, seniors) also appear when the engine
 * asks one of their questions, so nothing the estimate needs is ever hidden.
 */

export type ItemKind = ReturnItem['kind'];

export type StepId = 'about-you' | ReturnSection;

export interface PersonaliseQuestion {
  section: ReturnSection;
  /** A yes/no question in the person's words. */
  question: string;
  hint: string;
}

export interface PersonaliseGroup {
  id: string;
  title: string;
  questions: PersonaliseQuestion[];
}

export const PERSONALISE_GROUPS: readonly PersonaliseGroup[] = [
  {
    id: 'work',
    title: 'Work',
    questions: [
      {
        section: 'employment',
        question: 'Did you work for an employer?',
        hint: 'Salary, wages, allowances, bonuses or leave paid out — anything on an income statement.',
      },
      {
        section: 'government-payments',
        question: 'Did you get a government payment or pension?',
        hint: 'For example JobSeeker, Youth Allowance, Austudy, the Age Pension or Carer Payment.',
      },
    ],
  },
  {
    id: 'investments',
    title: 'Bank and investments',
    questions: [
      {
        section: 'interest',
        question: 'Did you earn interest?',
        hint: 'From a bank, credit union or term deposit — even a few dollars counts.',
      },
      {
        section: 'dividends',
        question: 'Did you get dividends from shares?',
        hint: 'Including dividends reinvested through a dividend reinvestment plan.',
      },
      {
        section: 'distributions',
        question: 'Did you get a distribution from a trust or managed fund?',
        hint: 'Such as an ETF, a managed fund or a family trust (an annual tax statement).',
      },
      {
        section: 'capital-gains',
        question: 'Did you sell shares, crypto, property or other assets?',
        hint: 'Selling or swapping an asset can make a capital gain or loss.',
      },
      {
        section: 'foreign-income',
        question: 'Did you earn income from overseas?',
        hint: 'Foreign wages, pensions, interest, dividends or rent.',
      },
    ],
  },
  {
    id: 'property-business',
    title: 'Property and business',
    questions: [
      {
        section: 'rental',
        question: 'Did you own a rental property?',
        hint: 'Including a room or holiday home rented out for part of the year.',
      },
      {
        section: 'business',
        question: 'Did you run a business as a sole trader?',
        hint: 'Including gig work with an ABN, such as ride-share or delivery driving.',
      },
      {
        section: 'other-income',
        question: 'Did you have any other income?',
        hint: 'Income not covered elsewhere, such as some prizes or a lump sum compensation for lost income.',
      },
    ],
  },
  {
    id: 'deductions',
    title: 'Deductions',
    questions: [
      {
        section: 'work-deductions',
        question: 'Did you pay for things you needed for work?',
        hint: 'Tools, uniforms, union fees, work travel, a work phone — things your employer didn’t pay back.',
      },
      {
        section: 'car',
        question: 'Did you drive your own car for work?',
        hint: 'Trips between workplaces or to clients. Driving to and from work usually doesn’t count.',
      },
      {
        section: 'working-from-home',
        question: 'Did you work from home?',
        hint: 'Even a few hours a week: electricity, phone and internet costs can be claimed.',
      },
      {
        section: 'self-education',
        question: 'Did you study for your current job?',
        hint: 'Course fees, textbooks and travel for study that relates to the work you do now.',
      },
      {
        section: 'other-deductions',
        question: 'Did you give to charity or pay other deductible costs?',
        hint: 'Donations, tax agent fees, income protection insurance, investment costs or personal super contributions.',
      },
    ],
  },
  {
    id: 'health-family',
    title: 'Health and family',
    questions: [
      {
        section: 'private-health',
        question: 'Did you have private health insurance?',
        hint: 'Hospital or extras cover, for yourself or your family.',
      },
      {
        section: 'spouse-and-dependants',
        question: 'Did you have a spouse or dependent children?',
        hint: 'Married or de facto at any time in the year, or children you supported.',
      },
      {
        section: 'study-loan',
        question: 'Do you have a HELP or other study loan?',
        hint: 'HECS-HELP, FEE-HELP, VET Student Loan, or a trade support or apprentice loan.',
      },
      {
        section: 'seniors',
        question: 'Were you of Age Pension age, or on a government pension?',
        hint: 'You may get the seniors and pensioners tax offset.',
      },
    ],
  },
];

export interface StepDefinition {
  id: StepId;
  title: string;
  /** Shown under the title on the step. */
  intro: string;
  group: 'about' | 'income' | 'deductions' | 'health-family';
  /** The item kinds added on this step (deductions are split by label, below). */
  kinds: ItemKind[];
  /** For `deduction` items: the labels shown on this step. */
  labels?: DeductionLabel[];
  source: SourceLink;
}

export const WORK_LABELS: DeductionLabel[] = ['D2', 'D3', 'D5', 'D6'];
export const OTHER_LABELS: DeductionLabel[] = ['D7', 'D8', 'D9', 'D10', 'D12', 'D15'];

export const STEPS: readonly StepDefinition[] = [
  {
    id: 'about-you',
    title: 'About you',
    intro: 'Your residency decides which tax rates and offsets apply.',
    group: 'about',
    kinds: [],
    source: SOURCES.residency,
  },
  {
    id: 'employment',
    title: 'Employers',
    intro: 'Add each employer from your income statement (in myGov, it’s marked “tax ready”).',
    group: 'income',
    kinds: ['employment'],
    source: SOURCES.salary,
  },
  {
    id: 'government-payments',
    title: 'Government payments',
    intro: 'Payments from Services Australia, as shown on your payment summary or income statement.',
    group: 'income',
    kinds: ['government-payment'],
    source: SOURCES.incomeQuestions,
  },
  {
    id: 'interest',
    title: 'Interest',
    intro: 'Add each bank account or term deposit that earned interest. Your bank’s annual summary has it.',
    group: 'income',
    kinds: ['interest'],
    source: SOURCES.interest,
  },
  {
    id: 'dividends',
    title: 'Dividends',
    intro: 'Add each dividend statement. The franking credit is tax the company already paid for you.',
    group: 'income',
    kinds: ['dividend'],
    source: SOURCES.incomeQuestions,
  },
  {
    id: 'distributions',
    title: 'Trusts and managed funds',
    intro: 'Copy the figures from each annual tax statement your fund or trust sent you.',
    group: 'income',
    kinds: ['distribution'],
    source: SOURCES.instructions,
  },
  {
    id: 'capital-gains',
    title: 'Assets you sold',
    intro: 'Add each gain. If you held the asset for at least 12 months, only half of the gain is taxed.',
    group: 'income',
    kinds: ['capital-gain'],
    source: SOURCES.instructions,
  },
  {
    id: 'foreign-income',
    title: 'Overseas income',
    intro: 'Income from outside Australia, in Australian dollars, and any foreign tax you paid on it.',
    group: 'income',
    kinds: ['foreign-income'],
    source: SOURCES.instructions,
  },
  {
    id: 'rental',
    title: 'Rental property',
    intro: 'Add each property with its rent and the expenses you can claim for it.',
    group: 'income',
    kinds: ['rental-property'],
    source: SOURCES.rental,
  },
  {
    id: 'business',
    title: 'Business',
    intro: 'Your net business income or loss as a sole trader, from your business records.',
    group: 'income',
    kinds: ['business'],
    source: SOURCES.instructions,
  },
  {
    id: 'other-income',
    title: 'Other income',
    intro: 'Income that doesn’t belong anywhere else on your return.',
    group: 'income',
    kinds: ['other-income'],
    source: SOURCES.instructions,
  },
  {
    id: 'work-deductions',
    title: 'Work expenses',
    intro:
      'Things you paid for to do your job that your employer didn’t pay back. Add each receipt under the right label.',
    group: 'deductions',
    kinds: ['deduction'],
    labels: WORK_LABELS,
    source: SOURCES.workRecords,
  },
  {
    id: 'car',
    title: 'Car',
    intro:
      'Work trips in your own car. We compare the cents per kilometre and logbook methods and use the better one.',
    group: 'deductions',
    kinds: ['car'],
    source: SOURCES.carCentsPerKm,
  },
  {
    id: 'working-from-home',
    title: 'Working from home',
    intro:
      'Your hours at home and your running costs. We work out each method the ATO allows and use the better one.',
    group: 'deductions',
    kinds: ['working-from-home'],
    source: SOURCES.workingFromHome,
  },
  {
    id: 'self-education',
    title: 'Study for work',
    intro: 'Course fees and study costs for a course that relates to your current job.',
    group: 'deductions',
    kinds: ['self-education'],
    source: SOURCES.selfEducation,
  },
  {
    id: 'other-deductions',
    title: 'Donations and other deductions',
    intro: 'Gifts to charity, your tax agent’s fees, investment costs, income protection and personal super.',
    group: 'deductions',
    kinds: ['deduction'],
    labels: OTHER_LABELS,
    source: SOURCES.gifts,
  },
  {
    id: 'private-health',
    title: 'Medicare and private health',
    intro:
      'Your hospital cover decides the Medicare levy surcharge; your insurer’s statement settles the rebate.',
    group: 'health-family',
    kinds: ['private-health'],
    source: SOURCES.privateHealth,
  },
  {
    id: 'spouse-and-dependants',
    title: 'Spouse and children',
    intro: 'Family income can lower the Medicare levy and changes the surcharge and rebate thresholds.',
    group: 'health-family',
    kinds: [],
    source: SOURCES.medicareReduction,
  },
  {
    id: 'study-loan',
    title: 'Study loan',
    intro: 'If your income is above the threshold, a compulsory repayment is added to your tax.',
    group: 'health-family',
    kinds: [],
    source: SOURCES.studyLoans,
  },
  {
    id: 'seniors',
    title: 'Seniors and pensioners',
    intro: 'The seniors and pensioners tax offset (SAPTO) can mean you pay no tax on a modest income.',
    group: 'health-family',
    kinds: [],
    source: SOURCES.instructions,
  },
];

export const STEP_BY_ID = new Map(STEPS.map((step) => [step.id, step]));

export function isStepId(value: string | undefined): value is StepId {
  return value !== undefined && STEP_BY_ID.has(value as StepId);
}

/** Which step an item belongs on. */
export function stepOfItem(item: ReturnItem): StepId {
  if (item.kind === 'deduction')
    return OTHER_LABELS.includes(item.label) ? 'other-deductions' : 'work-deductions';
  const step = STEPS.find((s) => s.kinds.includes(item.kind));
  return step?.id ?? 'about-you';
}

/** Which step answers a missing fact (ids from the engine and the server's own checks). */
export function stepOfMissing(id: string): StepId {
  if (id.startsWith('section.')) {
    const section = id.slice('section.'.length);
    return isStepId(section) ? section : 'about-you';
  }
  if (id === 'sapto' || id.startsWith('sapto.')) return 'seniors';
  if (id === 'spouse' || id.startsWith('spouse.') || id === 'dependants' || id.startsWith('dependants.'))
    return 'spouse-and-dependants';
  if (id.startsWith('privateHealth')) return 'private-health';
  if (id.startsWith('studyLoan')) return 'study-loan';
  if (id.startsWith('income.business')) return 'business';
  if (id.startsWith('income.capitalGains')) return 'capital-gains';
  return 'about-you';
}

/**
 * The steps to show, in order: "About you", then each section the person chose or that already
 * has items, plus any step the engine still needs an answer on.
 */
export function visibleSteps(
  sections: readonly ReturnSection[],
  items: readonly ReturnItem[],
  missingIds: readonly string[],
  facts: ReturnFacts = {},
): StepDefinition[] {
  const shown = new Set<StepId>([...items.map(stepOfItem), ...missingIds.map(stepOfMissing)]);
  // A question once answered stays in view, even when the estimate no longer depends on it.
  if (facts.spouse !== undefined || facts.dependentChildren !== undefined) shown.add('spouse-and-dependants');
  if (facts.hospitalCover !== undefined) shown.add('private-health');
  if (facts.hasStudyLoan !== undefined) shown.add('study-loan');
  if (facts.sapto !== undefined) shown.add('seniors');
  if (facts.priorYearCapitalLossesCents !== undefined) shown.add('capital-gains');
  return STEPS.filter(
    (step) => step.id === 'about-you' || sections.includes(step.id as ReturnSection) || shown.has(step.id),
  );
}

export const GROUP_TITLES: Record<StepDefinition['group'], string> = {
  about: 'About you',
  income: 'Income',
  deductions: 'Deductions',
  'health-family': 'Health and family',
};
