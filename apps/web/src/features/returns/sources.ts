/** ATO pages the interview's help text cites. Titles are what the link says; each opens in a new tab. */
export interface SourceLink {
  title: string;
  url: string;
}

const INSTRUCTIONS_2025 =
  'https://www.ato.gov.au/forms-and-instructions/individual-tax-return-2025-instructions';
const INDIVIDUALS = 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records';

export const SOURCES = {
  instructions: { title: 'ATO: Individual tax return instructions 2025', url: INSTRUCTIONS_2025 },
  residency: {
    title: 'ATO: Are you an Australian resident? (tax return instructions 2025)',
    url: `${INSTRUCTIONS_2025}/completing-the-individual-tax-return-2025/completing-individual-information-in-your-tax-return-2025`,
  },
  salary: {
    title: 'ATO: Question 1 Salary or wages (2025)',
    url: `${INSTRUCTIONS_2025}/income-questions-1-12-individual-tax-return-2025/1-salary-or-wages-2025`,
  },
  incomeQuestions: {
    title: 'ATO: Income questions 1–12 (2025)',
    url: `${INSTRUCTIONS_2025}/income-questions-1-12-individual-tax-return-2025`,
  },
  interest: {
    title: 'ATO: Question 10 Gross interest (2025)',
    url: `${INSTRUCTIONS_2025}/income-questions-1-12-individual-tax-return-2025/10-gross-interest-2025`,
  },
  deductionsSupplementary: {
    title: 'ATO: Deductions in the supplementary tax return (2025)',
    url: `${INSTRUCTIONS_2025}/deduction-questions-d1-d10-individual-tax-return-2025/deductions-in-the-supplementary-tax-return-2025`,
  },
  records: { title: 'ATO: Records you need to keep', url: `${INDIVIDUALS}/records-you-need-to-keep` },
  workRecords: {
    title: 'ATO: Records for work-related expenses',
    url: `${INDIVIDUALS}/records-you-need-to-keep/records-for-work-related-expenses`,
  },
  workingFromHome: {
    title: 'ATO: Working from home expenses (PCG 2023/1)',
    url: `${INDIVIDUALS}/deductions-you-can-claim/working-from-home-expenses`,
  },
  carCentsPerKm: {
    title: 'ATO: Cents per kilometre method',
    url: `${INDIVIDUALS}/deductions-you-can-claim/transport-and-travel-expenses/motor-vehicle-and-car-expenses/using-the-cents-per-kilometre-method`,
  },
  carLogbook: {
    title: 'ATO: Logbook method',
    url: `${INDIVIDUALS}/deductions-you-can-claim/transport-and-travel-expenses/motor-vehicle-and-car-expenses/using-the-logbook-method`,
  },
  selfEducation: {
    title: 'ATO: Self-education expenses',
    url: `${INDIVIDUALS}/deductions-you-can-claim/education-training-and-seminars/self-education-expenses`,
  },
  gifts: {
    title: 'ATO: Gifts and donations',
    url: `${INDIVIDUALS}/deductions-you-can-claim/gifts-and-donations`,
  },
  personalSuper: {
    title: 'ATO: Personal super contributions',
    url: 'https://www.ato.gov.au/individuals-and-families/super-for-individuals-and-families/super/growing-and-keeping-track-of-your-super/how-to-save-more-in-your-super/personal-super-contributions',
  },
  rental: {
    title: 'ATO: Rental properties — records',
    url: 'https://www.ato.gov.au/individuals-and-families/investments-and-assets/residential-rental-properties/rental-records',
  },
  privateHealth: {
    title: 'ATO: Private health insurance policy details (2025)',
    url: `${INSTRUCTIONS_2025}/medicare-levy-questions-m1-m2-individual-tax-return-2025/private-health-insurance-policy-details-2025`,
  },
  medicareSurcharge: {
    title: 'ATO: Medicare levy surcharge income thresholds and rates',
    url: 'https://www.ato.gov.au/individuals-and-families/medicare-and-private-health-insurance/medicare-levy-surcharge/medicare-levy-surcharge-income-thresholds-and-rates',
  },
  medicareReduction: {
    title: 'ATO: M1 Medicare levy reduction or exemption (2025)',
    url: `${INSTRUCTIONS_2025}/medicare-levy-questions-m1-m2-individual-tax-return-2025/m1-medicare-levy-reduction-or-exemption-2025`,
  },
  studyLoans: {
    title: 'ATO: Study and training loans — what’s new',
    url: 'https://www.ato.gov.au/individuals-and-families/study-and-training-support-loans/study-and-training-loans-what-s-new',
  },
  lito: { title: 'ATO: Low income tax offset', url: `${INDIVIDUALS}/tax-offsets/low-income-tax-offset` },
} as const satisfies Record<string, SourceLink>;
