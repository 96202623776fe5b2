import { describe, expect, it } from 'vitest';
import type { ExtractedField, ExtractionResult, FieldKey } from '../src/index';
import {
  DOCUMENT_TYPES,
  FIELD_DEFINITIONS,
  FIELD_KEYS_BY_TYPE,
  FIELD_RETURN_LABELS,
  analyzeDocument,
  classifyDocument,
  extractFields,
  frankingRateFor,
  isFieldOf,
  layoutFromText,
} from '../src/index';
import { breakAbn, makeAbn, rng, spacedAbn } from './fixtures/random';

const ABN = '51824753556'; // the reference ABN (au-tax-rules §11)

function field(r: ExtractionResult, key: FieldKey, row?: number): ExtractedField | undefined {
  return r.fields.find((f) => f.key === key && (row === undefined || f.row === row));
}

const INCOME_STATEMENT = [
  'Income statement',
  'Employer: KOALA HARBOUR PTY LTD                         ABN: 51 824 753 556',
  'Period: 01/07/2024 - 30/06/2025',
  'Gross payments                                          $85,432.00',
  'Tax withheld                                            $19,880.00',
].join('\n');

describe('extractFields: values, regions and confidence', () => {
  const layout = layoutFromText(INCOME_STATEMENT, { columns: 100, linesPerPage: 66 });
  const r = extractFields(layout);

  it('classifies when no type is given and reads each field with its type', () => {
    expect(r.type).toBe('income-statement');
    expect(field(r, 'grossPayments')).toMatchObject({
      valueType: 'money',
      value: 8_543_200,
      raw: '$85,432.00',
      label: 'Gross payments',
    });
    expect(field(r, 'taxWithheld')?.value).toBe(1_988_000);
    expect(field(r, 'payerAbn')).toMatchObject({ valueType: 'abn', value: ABN, raw: '51 824 753 556' });
    expect(field(r, 'periodStart')?.value).toBe('2024-07-01');
    expect(field(r, 'periodEnd')?.value).toBe('2025-06-30');
    expect(field(r, 'payerName')?.value).toBe('KOALA HARBOUR PTY LTD');
  });

  it('points each value at the page region it came from', () => {
    // "$85,432.00" starts at column 56 of line 3 (0-based) on a 100-column, 66-line page
    const region = field(r, 'grossPayments')?.region;
    expect(region?.page).toBe(1);
    expect(region?.x).toBeCloseTo(0.56, 9);
    expect(region?.w).toBeCloseTo(0.1, 9);
    expect(region?.y).toBeCloseTo(3 / 66, 9);
  });

  it('keeps confidence in 0..1 and high for exact text with strong labels', () => {
    for (const f of r.fields) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
    expect(field(r, 'grossPayments')?.confidence).toBeGreaterThan(0.9);
  });

  it('lowers confidence for OCR words with low confidence', () => {
    const ocr = layoutFromText(INCOME_STATEMENT);
    for (const line of ocr.pages[0]?.lines ?? []) {
      line.confidence = 0.6;
      for (const w of line.words ?? []) w.confidence = 0.6;
    }
    const o = extractFields(ocr, 'income-statement');
    expect(field(o, 'grossPayments')?.value).toBe(8_543_200);
    expect(field(o, 'grossPayments')?.confidence).toBeLessThan(0.7);
  });

  it('reads amounts OCR garbled inside numbers, at lower confidence', () => {
    const text = INCOME_STATEMENT.replace('$85,432.00', 'S8S,432.OO');
    const layout = layoutFromText(text);
    for (const line of layout.pages[0]?.lines ?? []) for (const w of line.words ?? []) w.confidence = 0.9;
    const o = extractFields(layout, 'income-statement');
    expect(field(o, 'grossPayments')?.value).toBe(8_543_200);
    expect(field(o, 'grossPayments')?.confidence).toBeLessThan(field(o, 'taxWithheld')?.confidence ?? 0);
  });
});

describe('validation and cross-checks', () => {
  it('flags an ABN that fails the check digit and lowers its confidence', () => {
    const bad = breakAbn(ABN);
    const r = extractFields(
      layoutFromText(INCOME_STATEMENT.replace('51 824 753 556', spacedAbn(bad))),
      'income-statement',
    );
    const good = extractFields(layoutFromText(INCOME_STATEMENT), 'income-statement');
    expect(field(r, 'payerAbn')?.value).toBe(bad);
    expect(field(r, 'payerAbn')?.confidence).toBeLessThan((field(good, 'payerAbn')?.confidence ?? 0) / 2);
    expect(r.warnings.join(' ')).toMatch(/fails the ABN check digit/);
  });

  it('flags tax withheld larger than gross payments', () => {
    const r = extractFields(
      layoutFromText(INCOME_STATEMENT.replace('$19,880.00', '$91,880.00')),
      'income-statement',
    );
    expect(r.warnings.join(' ')).toMatch(/Tax withheld \(\$91,880\.00\) is more than gross payments/);
  });

  it('flags a period that spans two income years, and a period outside the expected year', () => {
    const two = extractFields(
      layoutFromText(INCOME_STATEMENT.replace('30/06/2025', '30/09/2025')),
      'income-statement',
    );
    expect(two.warnings.join(' ')).toMatch(/spans more than one income year/);
    const other = extractFields(layoutFromText(INCOME_STATEMENT), 'income-statement', {
      incomeYear: '2023-24',
    });
    expect(other.warnings.join(' ')).toMatch(/in the 2024-25 income year, not 2023-24/);
    const same = extractFields(layoutFromText(INCOME_STATEMENT), 'income-statement', {
      incomeYear: '2024-25',
    });
    expect(same.warnings).toEqual([]);
  });

  const dividend = (franked: string, credit: string): string =>
    [
      'Koala Bank Limited',
      'Dividend statement',
      'Payment date: 26 September 2024',
      `Franked amount     ${franked}`,
      'Unfranked amount   $0.00',
      `Franking credit    ${credit}`,
    ].join('\n');

  it('accepts a franking credit at 30/70 or 25/75 of the franked amount and rewards it', () => {
    // $1,000.00 × 30/70 = $428.57; $900.00 × 25/75 = $300.00
    expect(frankingRateFor(100_000, 42_857)).toBe(30);
    expect(frankingRateFor(90_000, 30_000)).toBe(25);
    expect(frankingRateFor(100_000, 50_000)).toBeUndefined();
    const ok = extractFields(layoutFromText(dividend('$1,000.00', '$428.57')), 'dividend-statement');
    expect(ok.warnings).toEqual([]);
    expect(field(ok, 'frankingCredit')?.confidence).toBeGreaterThan(0.95);
  });

  it('flags a franking credit that matches no company tax rate', () => {
    const r = extractFields(layoutFromText(dividend('$1,000.00', '$482.57')), 'dividend-statement');
    expect(field(r, 'frankingCredit')?.value).toBe(48_257);
    expect(field(r, 'frankingCredit')?.confidence).toBeLessThan(0.7);
    expect(r.warnings.join(' ')).toMatch(/does not match the franked amount/);
  });

  const receipt = (total: string, gst: string): string =>
    [
      'WATTLE HARDWARE PTY LTD',
      `ABN ${spacedAbn(ABN)}`,
      'TAX INVOICE',
      'Date: 12/08/2024',
      `TOTAL        ${total}`,
      `GST          ${gst}`,
    ].join('\n');

  it('checks GST against one eleventh of the total', () => {
    // $110.00 / 11 = $10.00
    const ok = extractFields(layoutFromText(receipt('$110.00', '$10.00')), 'receipt');
    expect(ok.warnings).toEqual([]);
    const high = extractFields(layoutFromText(receipt('$110.00', '$19.00')), 'receipt');
    expect(high.warnings.join(' ')).toMatch(/more than one eleventh/);
    expect(field(high, 'gst')?.confidence).toBeLessThan(0.6);
    const low = extractFields(layoutFromText(receipt('$110.00', '$5.00')), 'receipt');
    expect(low.warnings.join(' ')).toMatch(/GST-free/);
  });

  it('reports expected fields it could not find', () => {
    const r = extractFields(layoutFromText('Income statement\nGross payments $1,000.00'), 'income-statement');
    expect(r.warnings).toContain('Tax withheld was not found; enter it from the document.');
  });

  it('reads an enormous layout in part, and says so', () => {
    const text = `Interest summary\nTotal interest earned $12.34\n${'filler line\n'.repeat(20_100)}`;
    const r = extractFields(layoutFromText(text), 'interest-summary');
    expect(field(r, 'interest')?.value).toBe(1_234);
    expect(r.warnings).toContain('This document is unusually long; only the first part of it was read.');
  });

  it('does not throw on empty or odd layouts', () => {
    expect(extractFields({ pages: [] })).toEqual({ type: 'other', fields: [], warnings: [] });
    const odd = {
      pages: [
        {
          page: 1,
          width: 0,
          height: 0,
          lines: [{ text: '$5.00', box: { page: 1, x: Number.NaN, y: 0, w: 0, h: 0 } }],
        },
      ],
    };
    expect(() => extractFields(odd, 'receipt')).not.toThrow();
  });
});

describe('private health insurance rows', () => {
  it('reads one row per benefit code, in order', () => {
    const text = [
      'Wombat Health Fund',
      'Private health insurance statement',
      'Statement period: 1 July 2024 to 30 June 2025',
      'Health insurer ID: WHF',
      'Membership number: 40123456',
      'Your premiums eligible for    Your Australian Government    Benefit code',
      'Australian Government rebate  rebate received',
      '$1,234.00                     $300.12                       30',
      '$456.78                       $110.00                       31',
      'Number of days of hospital cover: 365',
    ].join('\n');
    const r = extractFields(layoutFromText(text));
    expect(r.type).toBe('private-health-statement');
    expect(
      [0, 1].map((row) => [
        field(r, 'premiumsPaid', row)?.value,
        field(r, 'rebateReceived', row)?.value,
        field(r, 'benefitCode', row)?.value,
      ]),
    ).toEqual([
      [123_400, 30_012, '30'],
      [45_678, 11_000, '31'],
    ]);
    expect(field(r, 'coverDays')?.value).toBe(365);
    expect(field(r, 'insurerId')?.value).toBe('WHF');
    expect(field(r, 'membershipNumber')?.value).toBe('40123456');
  });
});

describe('field map and return labels', () => {
  it('defines every key each type can yield', () => {
    for (const type of DOCUMENT_TYPES) {
      for (const key of FIELD_KEYS_BY_TYPE[type]) expect(FIELD_DEFINITIONS[key]).toBeDefined();
      for (const key of Object.keys(FIELD_RETURN_LABELS[type]) as FieldKey[])
        expect(isFieldOf(type, key)).toBe(true);
    }
  });

  it('maps fields to the ATO return labels they feed', () => {
    expect(FIELD_RETURN_LABELS['income-statement'].grossPayments).toMatchObject({
      item: 'Item 1',
      label: 'C',
      role: 'income',
    });
    expect(FIELD_RETURN_LABELS['income-statement'].taxWithheld).toMatchObject({
      item: 'Item 1',
      role: 'credit',
    });
    expect(FIELD_RETURN_LABELS['payg-payment-summary'].allowances).toMatchObject({
      item: 'Item 2',
      label: 'K',
    });
    expect(FIELD_RETURN_LABELS['dividend-statement'].frankedAmount).toMatchObject({
      item: 'Item 11',
      label: 'T',
    });
    expect(FIELD_RETURN_LABELS['dividend-statement'].unfrankedAmount).toMatchObject({
      item: 'Item 11',
      label: 'S',
    });
    expect(FIELD_RETURN_LABELS['dividend-statement'].frankingCredit).toMatchObject({
      item: 'Item 11',
      label: 'U',
    });
    expect(FIELD_RETURN_LABELS['interest-summary'].interest).toMatchObject({ item: 'Item 10', label: 'L' });
    expect(FIELD_RETURN_LABELS.receipt.total?.role).toBe('deduction-candidate');
    expect(FIELD_RETURN_LABELS['private-health-statement'].premiumsPaid).toMatchObject({
      label: 'J',
      role: 'phi',
    });
    expect(FIELD_RETURN_LABELS['private-health-statement'].rebateReceived).toMatchObject({ label: 'K' });
    expect(FIELD_RETURN_LABELS['private-health-statement'].benefitCode).toMatchObject({ label: 'L' });
  });

  it('only returns keys that belong to the document type', () => {
    const r = extractFields(layoutFromText(INCOME_STATEMENT));
    for (const f of r.fields) expect(isFieldOf(r.type, f.key)).toBe(true);
  });
});

describe('classifyDocument', () => {
  it('says why', () => {
    const c = classifyDocument(layoutFromText(INCOME_STATEMENT));
    expect(c.type).toBe('income-statement');
    expect(c.reasons).toContain('Mentions "income statement"');
    expect(c.confidence).toBeGreaterThan(0.7);
  });

  it('calls unrelated text "other", with a reason', () => {
    const c = classifyDocument(
      layoutFromText('Dear Resident,\nThe council will collect green waste on Monday.'),
    );
    expect(c.type).toBe('other');
    expect(c.reasons.length).toBeGreaterThan(0);
    expect(classifyDocument({ pages: [] }).type).toBe('other');
  });

  it('tells a PAYG payment summary from an income statement by its title', () => {
    const payg = INCOME_STATEMENT.replace(
      'Income statement',
      'PAYG payment summary - individual non-business',
    );
    expect(classifyDocument(layoutFromText(payg)).type).toBe('payg-payment-summary');
  });

  it('tells an AMMA statement from a dividend statement', () => {
    const amma = [
      'Bilby Property Fund',
      'Attribution Managed Investment Trust Member Annual Statement',
      'Franked distributions from trusts  13C  $456.78',
      'Share of franking credits from franked dividends  13Q  $137.03',
    ].join('\n');
    expect(analyzeDocument(layoutFromText(amma)).classification.type).toBe('distribution-statement');
  });
});

describe('generated ABNs', () => {
  it('are valid (the fixture generator is itself checked)', () => {
    const r = rng(1);
    for (let i = 0; i < 50; i++) {
      const abn = makeAbn(r);
      const d = abn.split('').map(Number);
      const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
      const sum = d.reduce((s, x, j) => s + (j === 0 ? x - 1 : x) * (weights[j] as number), 0);
      expect(sum % 89).toBe(0);
    }
  });
});
