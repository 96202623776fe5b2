/**
 * `npm run estimate -- --year 2024-25 --salary 85000 --tax-withheld 18000 …` prints the estimate
 * with every line explained. `--json` prints the API response instead. `--help` lists the flags.
 */
import { parseArgs } from 'node:util';
import {
  assessmentToEstimateResponse,
  estimateRequestSchema,
  estimateRequestToReturnInput,
} from '@numeri/contracts';
import { assess } from '@numeri/tax-engine';

const FLAGS = {
  year: 'income year, e.g. 2024-25 (required)',
  residency: 'resident | foreign-resident | working-holiday-maker (default resident)',
  salary: 'salary and wages, dollars',
  allowances: 'allowances, tips, director’s fees',
  interest: 'gross interest',
  'dividends-franked': 'franked dividends',
  'dividends-unfranked': 'unfranked dividends',
  'franking-credits': 'franking credits',
  'work-deductions': 'other work-related expenses (D5)',
  'wfh-hours': 'hours worked from home (fixed-rate and actual-cost methods compared)',
  donations: 'gifts and donations (D9)',
  'tax-affairs': 'cost of managing tax affairs (D10)',
  'tax-withheld': 'PAYG tax withheld',
  'spouse-income': 'spouse’s taxable income (omit when no spouse)',
  children: 'dependent children',
  'hospital-cover': 'had private hospital cover all year (flag)',
  'study-loan': 'has a HELP or other study loan (flag)',
  sapto: 'single | couple | illness-separated-couple',
  json: 'print the JSON response (flag)',
  help: 'this list (flag)',
} as const;
const BOOLEAN_FLAGS = new Set(['hospital-cover', 'study-loan', 'json', 'help']);

const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(FLAGS).map((name) => [name, { type: BOOLEAN_FLAGS.has(name) ? 'boolean' : 'string' }]),
  ) as Record<keyof typeof FLAGS, { type: 'string' | 'boolean' }>,
  strict: true,
});
const arg = (name: keyof typeof FLAGS) => values[name] as string | undefined;
const money = (name: keyof typeof FLAGS) => {
  const raw = arg(name);
  if (raw === undefined) return undefined;
  const value = Number(raw.replace(/[$,\s]/g, ''));
  if (!Number.isFinite(value)) {
    console.error(`--${name} must be an amount in dollars, e.g. 85000 or 85,000.50 (got "${raw}")`);
    process.exit(64);
  }
  return value;
};

if (values.help || !arg('year')) {
  console.log('Usage: npm run estimate -- --year 2024-25 --salary 85000 [flags]\n');
  for (const [name, description] of Object.entries(FLAGS))
    console.log(`  --${name.padEnd(20)} ${description}`);
  process.exit(values.help ? 0 : 64);
}

const parsed = estimateRequestSchema.safeParse({
  incomeYear: arg('year'),
  residency: arg('residency'),
  income: {
    salaryWages: money('salary'),
    allowances: money('allowances'),
    interest: money('interest'),
    dividendsFranked: money('dividends-franked'),
    dividendsUnfranked: money('dividends-unfranked'),
    frankingCredits: money('franking-credits'),
  },
  deductions: {
    otherWorkRelated: money('work-deductions'),
    giftsAndDonations: money('donations'),
    costOfManagingTaxAffairs: money('tax-affairs'),
    ...(arg('wfh-hours') ? { workingFromHome: { hours: Number(arg('wfh-hours')) } } : {}),
  },
  taxWithheld: money('tax-withheld'),
  spouseTaxableIncome: money('spouse-income') ?? null,
  dependentChildren: arg('children') ? Number(arg('children')) : undefined,
  privateHospitalCover: values['hospital-cover'] ?? false,
  hasStudyLoan: values['study-loan'] ?? false,
  saptoCategory: arg('sapto') ?? null,
});
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
  process.exit(64);
}
const result = assess(estimateRequestToReturnInput(parsed.data));
if (!result.ok) {
  for (const issue of result.issues) console.error(`${issue.path}: ${issue.message}`);
  process.exit(65);
}
const response = assessmentToEstimateResponse(result.assessment);
if (values.json) {
  console.log(JSON.stringify(response, null, 2));
  process.exit(0);
}

const aud = (value: number) => value.toLocaleString('en-AU', { style: 'currency', currency: 'AUD' });
console.log(
  `\nIncome year ${response.incomeYear}${response.provisional ? ' (uses provisional figures)' : ''}\n`,
);
const width = Math.max(...response.lines.map((line) => line.label.length));
for (const line of response.lines) {
  console.log(`${line.label.padEnd(width)}  ${aud(line.amount).padStart(14)}`);
  console.log(`${' '.repeat(width + 2)}${line.explanation}`);
  console.log(
    `${' '.repeat(width + 2)}Rule: ${line.rule} — ${line.source.title}${line.source.url ? ` <${line.source.url}>` : ''}`,
  );
}
console.log(`\n${'Taxable income'.padEnd(width)}  ${aud(response.taxableIncome).padStart(14)}`);
console.log(`${'Total tax'.padEnd(width)}  ${aud(response.totalTax).padStart(14)}`);
console.log(
  `${(response.refund >= 0 ? 'Refund' : 'Amount owing').padEnd(width)}  ${aud(Math.abs(response.refund)).padStart(14)}`,
);
if (response.missing.length) {
  console.log('\nTo make this exact, tell us:');
  for (const fact of response.missing) console.log(`  - ${fact.question} (${fact.reason})`);
}
