// What each document type says and where: labels (with how strongly each one identifies the
// field), value readers, and fallbacks for values printed without a label (a supplier's name at
// the top of a receipt, a period written as "2024-25 financial year").

import { findDateTokens } from '../text/dates';
import { repairOcrName } from '../text/fold';
import type { DocumentType, FieldKey } from './fields';
import { dateReader, readAbn, readDate, readInteger, readMoney, readText, regexReader, spec } from './engine';
import type { Candidate, FieldSpec, Reader, SearchContext, Token } from './engine';
import { confidenceFor } from './norm';
import type { NormLine } from './norm';

// ---------------------------------------------------------------------------------------------
// Readers specific to documents
// ---------------------------------------------------------------------------------------------

const FY_PATTERNS: readonly RegExp[] = [
  // "2024-25 financial year", "2024/2025 income year", "FY2024-25"
  /(?<!\d)(?:FY\s?)?(20\d{2})\s?[-–/]\s?(?:20)?(\d{2})(?!\d)(?=\s*(?:financial|income|tax)?\s*(?:year)?)/gi,
  // "financial year ending 30 June 2025", "year ended 30 June 2025"
  /year\s+end(?:ed|ing)\s+(?:30(?:th)?\s+June\s+|30\/0?6\/)?(20\d{2})/gi,
  // "FY2025", "FY25"
  /(?<![A-Za-z])FY\s?(20\d{2}|\d{2})(?!\d)/g,
];

/** Derives a 1 July – 30 June period from financial-year wording. */
function financialYearTokens(line: NormLine, start: number, end: number): Token[] {
  const text = line.scan;
  const out: Token[] = [];
  for (const re of FY_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index < start || m.index + m[0].length > end) continue;
      let endYear: number;
      if (m[2] !== undefined) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if ((a + 1) % 100 !== b % 100) continue;
        endYear = a + 1;
      } else {
        const y = m[1] as string;
        endYear = y.length === 2 ? 2000 + Number(y) : Number(y);
      }
      if (endYear < 1990 || endYear > 2100) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        value: `${endYear - 1}-07-01`,
        quality: 0.85,
        extra: { start: m.index, end: m.index + m[0].length, value: `${endYear}-06-30` },
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A period: two dates ("01/07/2024 to 30/06/2025"), else a financial year. */
function periodReader(boxed: boolean): Reader {
  const dates = dateReader(boxed);
  return (line, start, end) => {
    const ds = dates(line, start, end);
    const a = ds[0];
    const b = ds[1];
    if (a && b && String(a.value) <= String(b.value)) {
      return [
        {
          ...a,
          quality: Math.min(a.quality, b.quality),
          extra: { start: b.start, end: b.end, value: String(b.value) },
        },
      ];
    }
    const fy = financialYearTokens(line, start, end);
    if (fy.length > 0) return fy;
    // "for the year ended 30 June 2025": a single 30 June closes an income year
    if (a && !b && String(a.value).endsWith('-06-30')) {
      const y = Number(String(a.value).slice(0, 4));
      return [
        {
          ...a,
          value: `${y - 1}-07-01`,
          quality: a.quality * 0.9,
          extra: { start: a.start, end: a.end, value: String(a.value) },
        },
      ];
    }
    return [];
  };
}

const ISO_CODE = /(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/;
const BENEFIT_CODE = /(?<![\d.,$])(30|31|35|36|40|41)(?![\d.,%])/;
const MEMBERSHIP = /(?<![A-Za-z0-9])(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9-]{4,16}(?![A-Za-z0-9])/;
const DOC_NUMBER = /(?<![A-Za-z0-9])(?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{2,20}(?![A-Za-z0-9])/i;

/** Money in a lettered box ("Lump sum payments  A $0  B $0"): only the amount after `letter`. */
function moneyAfterLetter(letter: string): Reader {
  const re = new RegExp(`(?<![A-Za-z])${letter}\\s{0,3}$`);
  return (line, start, end) =>
    readMoney(line, start, end).filter((t) =>
      re.test(line.scan.slice(Math.max(start, t.start - 5), t.start)),
    );
}

export const readPeriod = periodReader(false);
const readBoxedPeriod = periodReader(true);

// ---------------------------------------------------------------------------------------------
// Label sets
// ---------------------------------------------------------------------------------------------

const NOT_TOTAL_FOLLOW =
  /^[^a-z0-9]{0,3}(gst|tax\b|savings?|discount|items?|qty|quantity|excl|ex\b|ex gst|points|rounding)/;

function periodSpec(boxed: boolean, extra: [string, number][] = []): FieldSpec {
  return spec(
    'periodStart',
    boxed ? readBoxedPeriod : readPeriod,
    [
      ['period during which payments were made', 1],
      ['payment period', 1],
      ['statement period', 1],
      ['for the period', 0.95],
      ['period', 0.9],
      ['income year', 0.85],
      ['financial year', 0.85],
      ['tax year', 0.8],
      ...extra,
    ],
    { maxBelow: 2 },
  );
}

const EMPLOYMENT_SPECS = (boxed: boolean): FieldSpec[] => [
  spec('grossPayments', readMoney, [
    ['total gross payments', 1],
    ['gross payments', 1],
    ['gross salary', 0.8],
    ['gross wages', 0.8],
    ['gross earnings', 0.75],
    ['gross income', 0.7],
  ]),
  spec('taxWithheld', readMoney, [
    ['total tax withheld', 1],
    { text: 'tax withheld', strength: 1, notPrecededBy: /(tfn|lump sum [a-z]|etp)[^a-z0-9]{0,3}$/ },
    ['payg withholding', 0.85],
    ['payg withheld', 0.9],
    ['tax deducted', 0.75],
  ]),
  spec('allowances', readMoney, [
    ['total allowances', 1],
    { text: 'allowances', strength: 0.8, notFollowedBy: /^[^a-z0-9]{0,3}(detail|breakdown|type)/ },
  ]),
  spec('reportableFringeBenefits', readMoney, [
    ['reportable fringe benefits amount', 1],
    ['reportable fringe benefits', 1],
    ['rfba', 0.9],
    ['fringe benefits', 0.8],
  ]),
  spec('reportableSuper', readMoney, [
    ['reportable employer superannuation contributions', 1],
    ['reportable employer super contributions', 1],
    ['reportable super contributions', 0.95],
    ['reportable employer super', 0.95],
    ['resc', 0.9],
  ]),
  spec(
    'lumpSumA',
    moneyAfterLetter('A'),
    [
      ['lump sum payments', 1],
      ['lump sum', 0.9],
    ],
    { below: false },
  ),
  spec('unionFees', readMoney, [
    ['union fees', 1],
    ['professional association fees', 0.95],
    ['union professional association fees', 1],
  ]),
  spec('workplaceGiving', readMoney, [['workplace giving', 1]]),
  spec('payerAbn', readAbn, [
    ["payer's abn", 1],
    ['payer abn', 1],
    ['employer abn', 1],
    ['withholding payer number', 0.9],
    { text: 'abn', strength: 0.8, notPrecededBy: /(payee|your)'?s?[^a-z0-9]{0,3}$/ },
  ]),
  spec('payerName', readText, [
    ["payer's name", 1],
    ['payer name', 1],
    ['employer name', 1],
    {
      text: 'employer',
      strength: 0.85,
      notPrecededBy: /(reportable|your)[^a-z0-9]{0,3}$/,
      notFollowedBy: /^[^a-z0-9]{0,3}(abn|super|lump|contrib|name)/,
    },
    {
      text: 'payer',
      strength: 0.8,
      notFollowedBy: /^'?s?[^a-z0-9]{0,3}(abn|tax|number|name|detail|declaration)/,
    },
  ]),
  periodSpec(boxed),
];

const RECEIPT_SPECS: FieldSpec[] = [
  spec('total', readMoney, [
    ['grand total', 1],
    ['total due', 1],
    ['total paid', 1],
    ['total amount', 1],
    ['amount due', 0.9],
    ['amount paid', 0.9],
    ['balance due', 0.85],
    {
      text: 'total',
      strength: 0.92,
      notFollowedBy: NOT_TOTAL_FOLLOW,
      notPrecededBy: /(sub|gst)[^a-z0-9]{0,2}$/,
    },
  ]),
  spec('gst', readMoney, [
    ['gst included in total', 1],
    ['includes gst of', 1],
    ['includes gst', 1],
    ['total gst', 1],
    ['gst amount', 1],
    ['gst included', 1],
    {
      text: 'gst',
      strength: 0.9,
      notPrecededBy: /(inc|incl|including|ex|excl|excluding|plus|abn|no)\.?[^a-z0-9]{0,3}$/,
      notFollowedBy: /^[^a-z0-9]{0,3}(reg|no\b|number|free|exclusive|incl|inc\b)/,
    },
  ]),
  spec('supplierAbn', readAbn, [
    ["supplier's abn", 1],
    ['supplier abn', 1],
    {
      text: 'abn',
      strength: 0.95,
      notPrecededBy: /(customer|buyer|your|recipient|client)'?s?[^a-z0-9]{0,3}$/,
    },
  ]),
  spec('date', readDate, [
    ['invoice date', 1],
    ['date of issue', 1],
    ['date issued', 1],
    ['transaction date', 1],
    ['purchase date', 1],
    ['receipt date', 1],
    ['order date', 0.95],
    ['tax invoice date', 1],
    {
      text: 'date',
      strength: 0.85,
      notFollowedBy: /^[^a-z0-9]{0,3}(of birth|due)/,
      notPrecededBy: /(due|expiry|delivery|print)[^a-z0-9]{0,3}$/,
    },
    ['paid on', 0.8],
  ]),
  spec(
    'invoiceNumber',
    regexReader(DOC_NUMBER, 0.95),
    [
      ['tax invoice number', 1],
      ['invoice number', 1],
      ['invoice no', 1],
      ['receipt number', 1],
      ['receipt no', 1],
      ['order number', 0.9],
      ['invoice #', 0.95],
      ['inv no', 0.9],
      ['reference', 0.6],
    ],
    { maxBelow: 1 },
  ),
  spec(
    'supplierName',
    readText,
    [
      ['supplier', 1],
      ['sold by', 1],
      ['receipt from', 1],
      ['business name', 1],
      ['trading as', 0.9],
      ['merchant', 0.9],
    ],
    { maxBelow: 1 },
  ),
];

const FRANKING_CREDIT_LABELS: [string, number][] = [
  ['franking credit amount', 1],
  ['franking credit', 1],
  ['imputation credit', 0.9],
];

const DIVIDEND_SPECS: FieldSpec[] = [
  spec('frankedAmount', readMoney, [
    ['franked amount', 1],
    ['franked dividend', 0.95],
    {
      text: 'franked',
      strength: 0.75,
      notFollowedBy: /^[^a-z0-9]{0,3}(amount|dividend|percentage|%|distribution)/,
    },
  ]),
  spec('unfrankedAmount', readMoney, [
    ['unfranked amount', 1],
    ['unfranked dividend', 0.95],
    { text: 'unfranked', strength: 0.8, notFollowedBy: /^[^a-z0-9]{0,3}(amount|dividend)/ },
  ]),
  spec('frankingCredit', readMoney, FRANKING_CREDIT_LABELS),
  spec('tfnWithheld', readMoney, [
    ['tfn amounts withheld', 1],
    ['tfn withholding tax', 1],
    ['tfn abn withholding', 1],
    ['resident withholding tax', 0.9],
    { text: 'withholding tax', strength: 0.85, notPrecededBy: /(foreign|non[^a-z]?resident)[^a-z0-9]{0,3}$/ },
    { text: 'tax withheld', strength: 0.8, notPrecededBy: /foreign[^a-z0-9]{0,3}$/ },
  ]),
  spec('netPayment', readMoney, [
    ['total net payment', 1],
    ['net payment amount', 1],
    ['net payment', 1],
    ['net dividend', 0.95],
    ['net amount', 0.95],
    ['amount paid', 0.8],
  ]),
  spec('paymentDate', readDate, [
    ['payment date', 1],
    ['date paid', 1],
    ['pay date', 0.95],
    ['paid on', 0.85],
  ]),
  spec('recordDate', readDate, [['record date', 1]]),
  spec('companyAbn', readAbn, [
    ['company abn', 1],
    { text: 'abn', strength: 0.9, notPrecededBy: /(your|payee|holder)'?s?[^a-z0-9]{0,3}$/ },
  ]),
  spec(
    'companyName',
    readText,
    [
      ['company name', 1],
      ['issuer', 0.9],
    ],
    { maxBelow: 1 },
  ),
];

const DISTRIBUTION_SPECS: FieldSpec[] = [
  spec('nonPrimaryProductionIncome', readMoney, [
    ['13u', 1],
    ['share of non-primary production income', 1],
    ['non-primary production income', 0.95],
    ['non primary production', 0.9],
    ['share of net income from trusts', 0.9],
  ]),
  spec('frankedDistributions', readMoney, [
    ['13c', 1],
    ['franked distributions from trusts', 1],
    ['franked distributions', 0.9],
    ['franked distribution', 0.9],
  ]),
  spec('frankingCredit', readMoney, [
    ['13q', 1],
    ['share of franking credits', 1],
    ['share of franking credit', 1],
    ...FRANKING_CREDIT_LABELS.map(([t]): [string, number] => [t, 0.9]),
  ]),
  spec('tfnWithheld', readMoney, [
    ['13r', 1],
    ['share of credit for tfn amounts withheld', 1],
    ['tfn amounts withheld', 0.95],
    { text: 'withholding tax', strength: 0.8, notPrecededBy: /(foreign|non[^a-z]?resident)[^a-z0-9]{0,3}$/ },
  ]),
  spec('capitalGainsTotal', readMoney, [
    ['18h', 1],
    ['total current year capital gains', 1],
    ['total capital gains', 0.9],
  ]),
  spec('netCapitalGain', readMoney, [
    ['18a', 1],
    ['net capital gain', 1],
  ]),
  spec('foreignIncome', readMoney, [
    ['20e', 1],
    ['assessable foreign source income', 1],
    ['foreign source income', 0.85],
  ]),
  spec('foreignTaxOffset', readMoney, [
    ['20o', 1],
    ['foreign income tax offset', 1],
    ['foreign tax credit', 0.85],
  ]),
  spec('grossDistribution', readMoney, [
    ['gross distribution', 1],
    ['total distribution', 0.85],
    ['gross amount', 0.8],
  ]),
  spec('netDistribution', readMoney, [
    ['net distribution', 1],
    ['cash distribution', 0.9],
    ['net payment', 0.9],
    ['net amount', 0.85],
    ['amount paid', 0.8],
  ]),
  spec('paymentDate', readDate, [
    ['payment date', 1],
    ['date paid', 1],
    ['pay date', 0.95],
    ['paid on', 0.85],
  ]),
  spec('fundAbn', readAbn, [
    ['fund abn', 1],
    ['trust abn', 1],
    { text: 'abn', strength: 0.9, notPrecededBy: /(your|investor|holder)'?s?[^a-z0-9]{0,3}$/ },
  ]),
  spec(
    'fundName',
    readText,
    [
      ['fund name', 1],
      ['trust name', 1],
    ],
    { maxBelow: 1 },
  ),
  periodSpec(false, [
    ['for the year ended', 1],
    ['year ended', 0.95],
    ['year ending', 0.95],
  ]),
];

const INTEREST_SPECS: FieldSpec[] = [
  spec('interest', readMoney, [
    ['total interest earned', 1],
    ['total interest paid', 1],
    ['total interest', 1],
    ['gross interest', 1],
    ['interest earned', 1],
    ['interest paid', 0.95],
    ['interest income', 0.95],
    ['interest credited', 0.9],
    {
      text: 'interest',
      strength: 0.6,
      notFollowedBy: /^[^a-z0-9]{0,3}(rate|summary|statement|period|charged|for\b|on\b)/,
    },
  ]),
  spec('tfnWithheld', readMoney, [
    ['tfn withholding tax', 1],
    ['tfn withholding', 1],
    ['tfn amounts withheld', 1],
    ['withholding tax', 0.9],
    { text: 'tax withheld', strength: 0.85, notPrecededBy: /foreign[^a-z0-9]{0,3}$/ },
  ]),
  spec('institution', readText, [['financial institution', 1]], { maxBelow: 1 }),
  periodSpec(false, [
    ['interest summary for', 0.9],
    ['year ended', 0.95],
    ['year ending', 0.95],
  ]),
];

const BANK_SPECS: FieldSpec[] = [
  spec('openingBalance', readMoney, [
    ['opening balance', 1],
    ['balance brought forward', 0.9],
    ['starting balance', 0.9],
  ]),
  spec('closingBalance', readMoney, [
    ['closing balance', 1],
    ['balance carried forward', 0.9],
    ['ending balance', 0.9],
  ]),
  spec('interest', readMoney, [
    ['total interest earned', 1],
    ['total interest', 0.9],
    ['interest earned this year', 0.9],
    ['interest earned', 0.85],
  ]),
  periodSpec(false),
];

const PHI_SPECS: FieldSpec[] = [
  spec('insurerId', regexReader(ISO_CODE), [
    ['health insurer id', 1],
    ['insurer id', 1],
    ['health fund id', 1],
    ['fund id', 0.9],
  ]),
  spec('membershipNumber', regexReader(MEMBERSHIP, 0.95), [
    ['membership number', 1],
    ['membership no', 1],
    ['member number', 0.95],
    ['membership id', 0.9],
    ['policy number', 0.9],
  ]),
  spec('coverDays', readInteger, [
    ['number of days this policy provides an appropriate level of private patient hospital cover', 1],
    ['days of hospital cover', 1],
    ['days covered', 1],
    ['days of cover', 1],
    ['number of days', 0.9],
  ]),
  spec('premiumsPaid', readMoney, [
    ['your premiums eligible for australian government rebate', 1],
    ['premiums eligible for australian government rebate', 1],
    ['premiums eligible', 1],
    ['premiums paid', 0.8],
  ]),
  spec('rebateReceived', readMoney, [
    ['your australian government rebate received', 1],
    ['australian government rebate received', 1],
    ['rebate received', 1],
  ]),
  spec('benefitCode', regexReader(BENEFIT_CODE, 1, 1), [['benefit code', 1]]),
  spec(
    'insurerName',
    readText,
    [
      { text: 'health insurer', strength: 0.9, notFollowedBy: /^[^a-z0-9]{0,3}(id|statement)/ },
      {
        text: 'insurer',
        strength: 0.8,
        notFollowedBy: /^[^a-z0-9]{0,3}(id)/,
        notPrecededBy: /health[^a-z0-9]{0,3}$/,
      },
    ],
    { maxBelow: 1 },
  ),
  periodSpec(false),
];

export const SPECS: Readonly<Record<DocumentType, readonly FieldSpec[]>> = {
  'income-statement': EMPLOYMENT_SPECS(false),
  'payg-payment-summary': EMPLOYMENT_SPECS(true),
  receipt: RECEIPT_SPECS,
  'dividend-statement': DIVIDEND_SPECS,
  'distribution-statement': DISTRIBUTION_SPECS,
  'interest-summary': INTEREST_SPECS,
  'bank-statement': BANK_SPECS,
  'private-health-statement': PHI_SPECS,
  other: [],
};

// ---------------------------------------------------------------------------------------------
// Fallbacks for values printed without a label
// ---------------------------------------------------------------------------------------------

function lineScore(line: NormLine, base: number): number {
  return base * line.confidence;
}

interface NameHeuristic {
  key: FieldKey;
  prefer: RegExp;
  exclude: RegExp;
  /** Score when the line matches `prefer`; otherwise `plain` (0 = never without prefer). */
  preferred: number;
  plain: number;
  maxLines: number;
}

const GENERIC_EXCLUDE =
  /(tax\s*invoice|^invoice|^receipt|^abn\b|^a\.?b\.?n|^date|^phone|^tel\b|^ph\b|^www\.|@|^page\b|statement$|^statement|^private health|^dividend|^distribution|^payment advice|^income statement|^payg|^summary|^annual|^interest summary|^your |^dear |^to:|^po box|^gpo box|^\d)/i;
const ADDRESS =
  /\b(st|street|rd|road|ave|avenue|hwy|highway|pde|parade|dr|drive|lane|ln|blvd|way|cres|crescent|pl|place|tce|terrace|level|suite)\b[\w\s.,]{0,60}?\b(nsw|vic|qld|wa|sa|tas|act|nt)\b|\b(nsw|vic|qld|wa|sa|tas|act|nt)\s+\d{4}\b|^(shop|unit|suite|level|lot|po box|gpo box)\s*\d|\b\d+[a-z]?\s+\w+(\s\w+)?\s(st|street|rd|road|lane|ln|ave|avenue|hwy|pde|parade|dr|drive|cres|crescent|pl|place|blvd|way|tce|terrace)\b/i;
const REGISTRY =
  /(registry|registries|computershare|link market|boardroom|automic|investor services|share registr)/i;

function nameCandidates(ctx: SearchContext, h: NameHeuristic): Candidate[] {
  const out: Candidate[] = [];
  const firstPage = ctx.doc.lines.filter((l) => l.page === ctx.doc.lines[0]?.page).slice(0, h.maxLines);
  firstPage.forEach((line, i) => {
    // take the first cell of the line (text before a wide gap); a cell holding another field's
    // label ("Payment date", "ABN") is not a name
    const cell = /^\S+(?: \S+)*/.exec(line.text)?.[0] ?? '';
    if ((ctx.hitsByLine.get(line.index) ?? []).some((hit) => hit.key !== h.key && hit.start < cell.length))
      return;
    const raw = cell.replace(/[\s:,;|-]+$/, '');
    const value = line.ocr ? repairOcrName(raw) : raw;
    if ((value.match(/[A-Za-z]/g) ?? []).length < 3 || value.includes('*')) return;
    if (
      GENERIC_EXCLUDE.test(value.trim()) ||
      ADDRESS.test(value) ||
      REGISTRY.test(value) ||
      h.exclude.test(value)
    )
      return;
    const base = h.prefer.test(value) ? h.preferred : h.plain;
    if (base <= 0) return;
    const score = lineScore(line, base - i * 0.01);
    out.push({
      key: h.key,
      line,
      token: { start: 0, end: raw.length, value, quality: 1 },
      score,
      via: 'name at the top of the page',
    });
  });
  return out;
}

/** Any occurrence of a value anywhere on the document (e.g. the only ABN on a receipt). */
function anywhere(
  ctx: SearchContext,
  key: FieldKey,
  read: Reader,
  base: number,
  filter: (t: Token) => boolean = () => true,
): Candidate[] {
  for (const line of ctx.doc.lines) {
    const t = read(line, 0, line.text.length).find(filter);
    if (t)
      return [
        {
          key,
          line,
          token: t,
          score: base * t.quality * confidenceFor(line, t.start, t.end),
          via: 'unlabelled value',
        },
      ];
  }
  return [];
}

/** "1 July 2024 to 30 June 2025" anywhere, then financial-year wording anywhere. */
function periodAnywhere(ctx: SearchContext): Candidate[] {
  const out: Candidate[] = [];
  for (const line of ctx.doc.lines) {
    const ds = findDateTokens(line.scan);
    for (let i = 0; i + 1 < ds.length; i++) {
      const a = ds[i];
      const b = ds[i + 1];
      if (!a || !b) continue;
      const between = line.scan.slice(a.end, b.start);
      if (/^\s*(to|-|–|—|until|through)\s*$/i.test(between) && a.iso <= b.iso) {
        const token: Token = {
          start: a.start,
          end: a.end,
          value: a.iso,
          quality: 1,
          extra: { start: b.start, end: b.end, value: b.iso },
        };
        out.push({
          key: 'periodStart',
          line,
          token,
          score: 0.8 * confidenceFor(line, a.start, b.end),
          via: 'date range',
        });
      }
    }
    for (const t of financialYearTokens(line, 0, line.text.length)) {
      out.push({
        key: 'periodStart',
        line,
        token: t,
        score: 0.7 * t.quality * confidenceFor(line, t.start, t.end),
        via: 'financial year wording',
      });
    }
  }
  return out;
}

const BANKISH =
  /\b(bank|credit union|building society|mutual|banking|ubank|macquarie|westpac|commbank|anz|nab|ing)\b/i;

export const FALLBACKS: Readonly<Partial<Record<DocumentType, (ctx: SearchContext) => Candidate[]>>> = {
  'income-statement': (ctx) => [
    ...periodAnywhere(ctx),
    ...anywhere(ctx, 'payerAbn', readAbn, 0.6, (t) => t.quality > 0),
  ],
  'payg-payment-summary': (ctx) => [...periodAnywhere(ctx), ...anywhere(ctx, 'payerAbn', readAbn, 0.6)],
  receipt: (ctx) => [
    ...nameCandidates(ctx, {
      key: 'supplierName',
      prefer: /\b(pty|ltd|limited|store|warehouse|services|supplies|group|co)\b/i,
      exclude: /\b(customer|bill to|ship to|thank)/i,
      preferred: 0.8,
      plain: 0.65,
      maxLines: 6,
    }),
    ...anywhere(ctx, 'supplierAbn', readAbn, 0.7),
    ...anywhere(ctx, 'date', readDate, 0.7),
  ],
  'dividend-statement': (ctx) => [
    ...nameCandidates(ctx, {
      key: 'companyName',
      prefer: /\b(limited|ltd|corporation|group|holdings|bank)\b/i,
      exclude: /(dividend|statement)/i,
      preferred: 0.8,
      plain: 0,
      maxLines: 8,
    }),
    ...anywhere(ctx, 'companyAbn', readAbn, 0.7),
  ],
  'distribution-statement': (ctx) => [
    ...periodAnywhere(ctx),
    ...nameCandidates(ctx, {
      key: 'fundName',
      prefer: /\b(fund|trust|etf|reit|portfolio|index)\b/i,
      exclude: /(distribution|statement|attribution)/i,
      preferred: 0.8,
      plain: 0,
      maxLines: 8,
    }),
    ...anywhere(ctx, 'fundAbn', readAbn, 0.7),
  ],
  'interest-summary': (ctx) => [
    ...periodAnywhere(ctx),
    ...nameCandidates(ctx, {
      key: 'institution',
      prefer: BANKISH,
      exclude: /(summary|statement|interest)/i,
      preferred: 0.8,
      plain: 0,
      maxLines: 6,
    }),
  ],
  'bank-statement': (ctx) => [
    ...periodAnywhere(ctx),
    ...nameCandidates(ctx, {
      key: 'institution',
      prefer: BANKISH,
      exclude: /(summary|statement)/i,
      preferred: 0.8,
      plain: 0,
      maxLines: 6,
    }),
  ],
  'private-health-statement': (ctx) => [
    ...periodAnywhere(ctx),
    ...nameCandidates(ctx, {
      key: 'insurerName',
      prefer: /\b(health|medibank|bupa|hcf|nib|hbf|gmhba|fund|insurance|insurer|cover)\b/i,
      exclude: /(private health insurance statement|statement|tax)/i,
      preferred: 0.75,
      plain: 0,
      maxLines: 6,
    }),
  ],
};

export { BENEFIT_CODE };
