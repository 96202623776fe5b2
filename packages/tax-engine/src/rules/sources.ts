import type { SourceRef } from './rule.types';

/**
 * The sources cited by the rules and by the explanation lines. Legislation is cited on the ATO legal
 * database (DocID PAC/<year+number>/<section>); guidance is cited on ato.gov.au and health.gov.au.
 */
const law = (title: string, docId: string): SourceRef => ({
  title,
  url: `https://www.ato.gov.au/law/view/document?DocID=${encodeURIComponent(docId)}&PiT=99991231235958`,
});

export const SOURCES = {
  // Rates of tax
  itraSch7: law('Income Tax Rates Act 1986, Schedule 7 (rates for individuals)', 'PAC/19860107/Sch7'),
  act92of2020: law(
    'Treasury Laws Amendment (A Tax Plan for the COVID-19 Economic Recovery) Act 2020 (No. 92 of 2020)',
    'PAC/20200092/Sch1',
  ),
  act3of2024: law(
    'Treasury Laws Amendment (Cost of Living Tax Cuts) Act 2024 (No. 3 of 2024), Sch 1',
    'PAC/20240003/Sch1-Cl4',
  ),
  act28of2025: law(
    'Treasury Laws Amendment (More Cost of Living Relief) Act 2025 (No. 28 of 2025), Sch 1',
    'PAC/20250028/Sch1-Cl2',
  ),
  atoRateChanges: {
    title: 'ATO: Individual income tax rates and threshold changes',
    url: 'https://ato.gov.au/about-ato/new-legislation/in-detail/individuals/individual-income-tax-rates-and-threshold-changes',
  },
  itraS20: law('Income Tax Rates Act 1986, s20 (pro-rating of the tax-free threshold)', 'PAC/19860107/20'),
  itraS18: law('Income Tax Rates Act 1986, s18 (part-year residency periods)', 'PAC/19860107/18'),
  atoPartYear: {
    title: 'ATO: Part-year tax-free threshold',
    url: 'https://www.ato.gov.au/Individuals/International-tax-for-individuals/Coming-to-Australia/Paying-tax-and-lodging-a-tax-return/Part-year-tax-free-threshold/',
  },
  itraS3A: law(
    'Income Tax Rates Act 1986, s3A (working holiday makers and working holiday taxable income)',
    'PAC/19860107/3A',
  ),
  itraSch7PtIII: law(
    'Income Tax Rates Act 1986, Sch 7 Part III (working holiday taxable income)',
    'PAC/19860107/Sch7-PtIII-1',
  ),
  itraSch7PtI4: law(
    'Income Tax Rates Act 1986, Sch 7 Part I cl 4 (working holiday income counted first)',
    'PAC/20160092/Sch1-Cl4',
  ),

  // Offsets
  lito: law(
    'Income Tax Assessment Act 1997, s61-115 (amount of the low income tax offset)',
    'PAC/19970038/61-115',
  ),
  atoLito: {
    title: 'ATO: Low income tax offset',
    url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/tax-offsets/low-income-tax-offset',
  },
  lmito: law(
    'Income Tax Assessment Act 1997, s61-107 (low and middle income tax offset), as inserted by Act 52 of 2019',
    'PAC/20190052/Sch1-Cl2',
  ),
  lmito420: law(
    'Treasury Laws Amendment (Cost of Living Support and Other Measures) Act 2022, Sch 6 (s61-107(1A), extra $420)',
    'PAC/20220014/Sch6-Cl3',
  ),
  sapto: law(
    'Income Tax Assessment (1936 Act) Regulation 2015, s11 (SAPTO amount: 12.5c per $1 over the threshold)',
    'REG/20150155/11',
  ),
  saptoAto: {
    title: 'ATO: Individual income tax rates and threshold changes (SAPTO thresholds)',
    url: 'https://ato.gov.au/about-ato/new-legislation/in-detail/individuals/individual-income-tax-rates-and-threshold-changes',
  },
  rebateIncome: law(
    'Income Tax Assessment Act 1936, s6(1) "rebate income" and ITAA 1997 s995-1 "adjusted fringe benefits total"',
    'PAC/19970038/995-1',
  ),
  sbito: law(
    'Income Tax Assessment Act 1997, s328-360 (small business income tax offset)',
    'PAC/19970038/328-360',
  ),
  atoSbito: {
    title: 'ATO: Claiming the small business income tax offset',
    url: 'https://ato.gov.au/Tax-professionals/TP/Claiming-the-small-business-income-tax-offset',
  },
  fito: law(
    'Income Tax Assessment Act 1997, s770-75 (foreign income tax offset limit)',
    'PAC/19970038/770-75',
  ),
  atoFito: {
    title: 'ATO: Calculating your foreign income tax offset limit',
    url: 'https://ato.gov.au/forms-and-instructions/foreign-income-tax-offset-rules-guide-2012/calculating-and-claiming-your-foreign-income-tax-offset/calculating-your-offset-limit',
  },
  franking: law(
    'Income Tax Assessment Act 1997, s207-20 (gross-up) and s67-25 (franking offset is refundable)',
    'PAC/19970038/67-25',
  ),
  offsetOrder: law(
    'Income Tax Assessment Act 1997, s63-10 (order of applying tax offsets)',
    'PAC/19970038/63-10',
  ),
  lumpSumA: law(
    'Income Tax Assessment Act 1997, Div 83 (unused leave payments; tax offset limiting the rate to 30%)',
    'PAC/19970038/83-15',
  ),
  lumpSumB: law(
    'Income Tax Assessment Act 1997, s83-80 (5% of pre-16 August 1978 long service leave is assessable)',
    'PAC/19970038/83-80',
  ),

  // Medicare
  medicareS7: law('Medicare Levy Act 1986, s7 (levy in cases of small incomes)', 'PAC/19860110/7'),
  medicareS8: law(
    'Medicare Levy Act 1986, s8 (levy where a person has a spouse or dependants)',
    'PAC/19860110/8',
  ),
  medicareLevyRate: law('Medicare Levy Act 1986, s6 (rate of 2%)', 'PAC/19860110/6'),
  atoMedicareLowIncome: {
    title: 'ATO: Medicare levy reduction for low-income earners',
    url: 'https://ato.gov.au/individuals-and-families/medicare-and-private-health-insurance/medicare-levy/medicare-levy-reduction/medicare-levy-reduction-for-low-income-earners',
  },
  atoMedicareFamily: {
    title: 'ATO: Medicare levy reduction – family income',
    url: 'https://www.ato.gov.au/Individuals/Medicare-and-private-health-insurance/Medicare-levy/Medicare-levy-reduction---family-income/',
  },
  atoM1: {
    title: 'ATO: M1 Medicare levy reduction or exemption (individual tax return instructions)',
    url: 'https://www.ato.gov.au/forms-and-instructions/individual-tax-return-2025-instructions/medicare-levy-questions-m1-m2-individual-tax-return-2025/m1-medicare-levy-reduction-or-exemption-2025',
  },
  mlsSingle: law(
    'Medicare Levy Act 1986, s8B (surcharge: person without spouse or dependants)',
    'PAC/19860110/8B',
  ),
  mlsFamily: law(
    'Medicare Levy Act 1986, s8C and s8D (surcharge: person with dependants or spouse)',
    'PAC/19860110/8D',
  ),
  mlsThresholdS3A: law('Medicare Levy Act 1986, s3A (family surcharge threshold)', 'PAC/20080110/Sch1-Cl8'),
  atoMls: {
    title: 'ATO: Medicare levy surcharge income, thresholds and rates',
    url: 'https://www.ato.gov.au/individuals-and-families/medicare-and-private-health-insurance/medicare-levy-surcharge/medicare-levy-surcharge-income-thresholds-and-rates',
  },
  phiCircular2125: {
    title: 'Department of Health PHI circular 21/25: rebate adjustment factor effective 1 April 2025',
    url: 'https://www.health.gov.au/news/phi-circulars/phi-2125-private-health-insurance-rebate-adjustment-factor-effective-1-april-2025',
  },
  atoPhi: {
    title: 'ATO: Income thresholds and rates for the private health insurance rebate',
    url: 'https://www.ato.gov.au/individuals-and-families/medicare-and-private-health-insurance/private-health-insurance-rebate/income-thresholds-and-rates-for-the-private-health-insurance-rebate',
  },
  phiAct: law(
    'Private Health Insurance Act 2007, Div 22 (premiums reduction and the PHI tax offset)',
    'PAC/20070031/22-5',
  ),

  // Study loans
  atoStudyLoan: {
    title: 'ATO: Study and training loan repayment thresholds and rates',
    url: 'https://www.ato.gov.au/Rates/HELP%2c-TSL-and-SFSS-repayment-thresholds-and-rates',
  },
  hesa154_1: law(
    'Higher Education Support Act 2003, s154-1 (liability to repay; no liability if s8 Medicare reduction applies)',
    'PAC/20030149/154-1',
  ),
  hesa154_20: law('Higher Education Support Act 2003, s154-20 (amounts payable)', 'PAC/20030149/154-20'),
  gazette2020: {
    title: 'HELP repayment thresholds 2020-21 (Gazette C2020G00340)',
    url: 'https://www.legislation.gov.au/Details/C2020G00340',
  },
  atoStudyLoanNew: {
    title: "ATO: Study and training loans – what's new",
    url: 'https://www.ato.gov.au/individuals-and-families/study-and-training-support-loans/study-and-training-loans-what-s-new',
  },

  // Deductions
  atoCarCentsPerKm: {
    title: 'ATO: Cents per kilometre deduction rate for car expenses',
    url: 'https://softwaredevelopers.ato.gov.au/CentsperKilometreDeductionRateforCarExpenses',
  },
  carDiv28: law(
    'Income Tax Assessment Act 1997, Div 28 (car expenses: cents per km capped at 5,000 km; logbook)',
    'PAC/19970038/28-25',
  ),
  pcg2023_1: {
    title:
      'PCG 2023/1: Claiming a deduction for additional running expenses incurred while working from home',
    url: 'https://www.ato.gov.au/law/view/document?DocID=COG/PCG20231/NAT/ATO/00001',
  },
  pcg2020_3: {
    title:
      'PCG 2020/3: Deductions for additional running expenses incurred while working from home due to COVID-19 (80c shortcut)',
    url: 'https://www.ato.gov.au/law/view/document?DocID=COG/PCG20203/NAT/ATO/00001',
  },
  ps_la2001_6: {
    title: 'PS LA 2001/6: Home office expenses – the 52c fixed rate',
    url: 'https://www.ato.gov.au/law/view/document?DocID=PSR/PS20016/NAT/ATO/00001',
  },
  s82A: law(
    'Income Tax Assessment Act 1936, s82A (first $250 of self-education expenses; repealed from 2022-23)',
    'PAC/19360027/82A',
  ),
  s26_55: law(
    'Income Tax Assessment Act 1997, s26-55 (gifts and personal super contributions cannot create a loss)',
    'PAC/19970038/26-55',
  ),
  div36: law(
    'Income Tax Assessment Act 1997, s36-15 (deducting prior-year tax losses)',
    'PAC/19970038/36-15',
  ),
  div35: law('Income Tax Assessment Act 1997, Div 35 (non-commercial losses deferred)', 'PAC/19970038/35-10'),

  // Income
  taaRounding: law(
    'Taxation Administration Act 1953, Sch 1 s388-85 (whole dollars on approved forms)',
    'PAC/19530001/Sch1-388-85',
  ),
  cgtMethod: law(
    'Income Tax Assessment Act 1997, s102-5 (net capital gain: losses, then the discount)',
    'PAC/19970038/102-5',
  ),
  cgtDiscount: law(
    'Income Tax Assessment Act 1997, s115-25 and s115-100 (50% discount, assets held 12 months)',
    'PAC/19970038/115-100',
  ),
  cgtForeign: law(
    'Income Tax Assessment Act 1997, s115-105 and s115-115 (discount for foreign residents)',
    'PAC/19970038/115-115',
  ),
  ess: {
    title: 'ATO: Income test for the upfront concession – $1,000 reduction',
    url: 'https://www.ato.gov.au/General/Employee-share-schemes/Employees/ESS-and-your-tax/Income-test-for-the-upfront-concession---$1,000-reduction/?default',
  },
  essLaw: law(
    'Income Tax Assessment Act 1997, s83A-35 (reduction of up to $1,000 for taxed-upfront schemes)',
    'PAC/19970038/83A-35',
  ),
  nonResidentWithholding: law(
    'Income Tax Assessment Act 1936, s128B and s128D (final withholding on foreign residents’ interest and dividends)',
    'PAC/19360027/128D',
  ),
  assessable: law(
    'Income Tax Assessment Act 1997, s6-5 (assessable income; foreign residents: Australian sources only)',
    'PAC/19970038/6-5',
  ),
} as const;
