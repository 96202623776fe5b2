import type { EstimateResponse } from '@numeri/contracts';

/**
 * A 2025-26 resident on $85,000 salary with $20,000 withheld:
 * tax 4,288 + 30% × (85,000 − 45,000) = 16,288; Medicare levy 2% = 1,700; total 17,988;
 * refund 20,000 − 17,988 = 2,012.
 */
export const estimateFixture: EstimateResponse = {
  incomeYear: '2025-26',
  taxableIncome: 85000,
  taxOnTaxableIncome: 16288,
  offsets: [],
  netIncomeTax: 16288,
  medicareLevy: 1700,
  medicareLevySurcharge: 0,
  studyLoanRepayment: 0,
  totalTax: 17988,
  taxWithheld: 20000,
  refund: 2012,
  lines: [
    {
      id: 'tax-on-taxable-income',
      label: 'Tax on taxable income',
      amount: 16288,
      rule: 'resident-tax-rates',
      inputs: { taxableIncome: 85000, bracketThreshold: 45000, marginalRate: 0.3 },
      explanation: 'Tax is $4,288 plus 30c for each $1 over $45,000.',
      source: {
        title: 'ATO: Individual income tax rates',
        url: 'https://www.ato.gov.au/tax-rates-and-codes/tax-rates-australian-residents',
      },
    },
    {
      id: 'medicare-levy',
      label: 'Medicare levy',
      amount: 1700,
      rule: 'medicare-levy',
      inputs: { rate: 0.02 },
      explanation: 'The Medicare levy is 2% of your taxable income.',
      source: {
        title: 'ATO: Medicare levy',
        url: 'https://www.ato.gov.au/individuals-and-families/medicare-and-private-health-insurance/medicare-levy',
      },
    },
  ],
  complete: false,
  missing: [
    {
      id: 'private-health-statement',
      question: 'Do you have a private health insurance statement?',
      reason: 'It decides whether the Medicare levy surcharge applies.',
    },
  ],
  provisional: true,
};
