import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findMoneyTokens,
  foldOcrDigits,
  formatAbn,
  formatCents,
  incomeYearBounds,
  incomeYearOf,
  isValidAbn,
  isValidTfn,
  parseDate,
  parseMoney,
  layoutFromText,
  layoutText,
  redactLayout,
  redactTfns,
} from '../src/index';
import { fmtDate, makeTfn, money, rng } from './fixtures/random';
import type { DateStyle } from './fixtures/random';

describe('parseMoney', () => {
  it.each([
    ['$85,432.00', 8_543_200],
    ['85432', 8_543_200],
    ['85,432', 8_543_200],
    ['85432.5', 8_543_250],
    ['(1,234.56)', -123_456],
    ['-$12.00', -1_200],
    ['$-12.00', -1_200],
    ['12.00-', -1_200],
    ['1 234.56', 123_456],
    ['$0.00', 0],
    ['  $1,000,000.01 ', 100_000_001],
    ['1,234.56 CR', 123_456],
    ['1,234.56 DR', -123_456],
    ['AUD 45.10', 4_510],
    ['+1,234.56', 123_456],
    // an OCR-misread thousands separator
    ['85.412.00', 8_541_200],
  ])('%s → %i cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it.each(['', 'abc', '12/07/2024', '30%', '1,2', '0.8650', '$', '1.2.3', '=1+1', '12 34'])(
    'rejects %j',
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );

  it('repairs OCR digit confusions only when asked, and only inside numbers', () => {
    expect(parseMoney('$8S,4l2.O0')).toBeNull();
    expect(parseMoney('$8S,4l2.O0', { ocr: true })).toBe(8_541_200);
    // "$" read as "S"
    expect(parseMoney('S85,412.00', { ocr: true })).toBe(8_541_200);
    expect(parseMoney('SO.OO', { ocr: true })).toBe(0);
  });

  it('formats cents back for messages', () => {
    expect(formatCents(8_543_200)).toBe('$85,432.00');
    expect(formatCents(-5)).toBe('-$0.05');
  });
});

describe('findMoneyTokens', () => {
  it('skips dates, percentages, times and identifiers glued to letters', () => {
    const text = 'Paid 01/07/2024 at 10:32, 30% off, label 13U $1,234.56 and 99.95';
    const tokens = findMoneyTokens(text).filter((t) => t.strong);
    expect(tokens.map((t) => t.cents)).toEqual([123_456, 9_995]);
  });
});

describe('foldOcrDigits', () => {
  it('changes confusable letters inside numeric runs only', () => {
    expect(foldOcrDigits('Gross payments $8S,4l2.O0')).toBe('Gross payments $85,412.00');
    expect(foldOcrDigits('Sold on 1 Oct 2O24 by BOB')).toBe('Sold on 1 Oct 2024 by BOB');
    expect(foldOcrDigits('Jul 2024')).toBe('Jul 2024');
    expect(foldOcrDigits('Slice of B2B')).toBe('Slice of B2B');
  });
  it('keeps the length, so offsets still map to word boxes', () => {
    const s = 'Tax withheld Sl9,88O.OO and more';
    expect(foldOcrDigits(s)).toHaveLength(s.length);
  });
});

describe('parseDate (Australian: day first)', () => {
  it.each([
    ['01/07/2024', '2024-07-01'],
    ['1/7/24', '2024-07-01'],
    ['1 Jul 2024', '2024-07-01'],
    ['1 July 2024', '2024-07-01'],
    ['2024-07-01', '2024-07-01'],
    ['01-07-2024', '2024-07-01'],
    ['01.07.2024', '2024-07-01'],
    ['05 Jul 24', '2024-07-05'],
    ['05-JUL-24', '2024-07-05'],
    ['19 Dec 2025', '2025-12-19'],
    ['1st July 2024', '2024-07-01'],
    ['July 1, 2024', '2024-07-01'],
    ['2024-07-01 09:30:00 +10:00', '2024-07-01'],
    ['20240701120000[+10:EST]', '2024-07-01'],
    ["1/7'24", '2024-07-01'],
    ['Mon, 1 Jul 2024', '2024-07-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('never reads a slash date month first', () => {
    // 03/04/2025 is 3 April, not 4 March
    expect(parseDate('03/04/2025')).toBe('2025-04-03');
    // 07/13/2024 is not a valid day-first date: rejected rather than swapped
    expect(parseDate('07/13/2024')).toBeNull();
    expect(parseDate('07/13/2024', 'mdy')).toBe('2024-07-13');
  });

  it.each(['31/02/2024', '00/01/2024', 'yesterday', '', '2024', '1 Jul'])('rejects %j', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('knows 29 February only in leap years', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2025')).toBeNull();
  });

  it('names income years (1 July – 30 June)', () => {
    expect(incomeYearOf('2024-07-01')).toBe('2024-25');
    expect(incomeYearOf('2025-06-30')).toBe('2024-25');
    expect(incomeYearBounds('2024-25')).toEqual({ start: '2024-07-01', end: '2025-06-30' });
    expect(incomeYearBounds('2024-26')).toBeUndefined();
  });
});

describe('ABN and TFN check digits (au-tax-rules §11)', () => {
  it('accepts the reference ABN and rejects a one-digit change', () => {
    // (5-1)*10 + 1*1 + 8*3 + 2*5 + 4*7 + 7*9 + 5*11 + 3*13 + 5*15 + 5*17 + 6*19 = 534 = 6 × 89
    expect(isValidAbn('51 824 753 556')).toBe(true);
    expect(isValidAbn('51824753557')).toBe(false);
    expect(isValidAbn('5182475355')).toBe(false);
    expect(formatAbn('51824753556')).toBe('51 824 753 556');
  });
  it('accepts the reference TFN', () => {
    // 1*1 + 2*4 + 3*3 + 4*7 + 5*5 + 6*8 + 7*6 + 8*9 + 2*10 = 253 = 23 × 11
    expect(isValidTfn('123 456 782')).toBe(true);
    expect(isValidTfn('123 456 789')).toBe(false);
  });
});

describe('redactTfns', () => {
  it('masks a TFN after its label, in any grouping, across a line break', () => {
    expect(redactTfns('TFN: 123 456 782')).toBe('TFN: *** *** ***');
    expect(redactTfns('Tax file number 123456782 issued')).toBe('Tax file number ********* issued');
    expect(redactTfns("Payee's tax file number\n123-456-782")).toBe("Payee's tax file number\n***-***-***");
  });
  it('masks TFNs with OCR look-alikes and TFNs that fail the check digit when labelled', () => {
    expect(redactTfns('TFN l23 4S6 782')).toBe('TFN *** *** ***');
    expect(redactTfns('TFN: 987 654 321')).toBe('TFN: *** *** ***');
  });
  it('masks an unlabelled 9-digit number only when it passes the TFN check', () => {
    expect(redactTfns('ref 123 456 782 end')).toBe('ref *** *** *** end');
    expect(redactTfns('ref 123 456 789 end')).toBe('ref 123 456 789 end');
  });
  it('leaves ABNs, phone numbers, amounts and dates alone', () => {
    const text =
      'ABN 51 824 753 556 phone 0412 345 678 or 1300 123 456, TFN withholding $1,234.56 on 01/07/2024';
    expect(redactTfns(text)).toBe(text);
  });
});

describe('round trips (property)', () => {
  it('any amount written the Australian way parses back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }), fc.boolean(), (cents, dollar) => {
        expect(parseMoney(money(cents, { dollar }))).toBe(cents);
      }),
      { numRuns: 500 },
    );
  });

  it('any date written in an Australian style parses back to the same ISO date', () => {
    const dateArb = fc
      .date({
        min: new Date('1995-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom('slash', 'short', 'long', 'iso') as fc.Arbitrary<DateStyle>,
        (iso, style) => {
          expect(parseDate(fmtDate(iso, style))).toBe(iso);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a labelled, valid TFN never survives redaction in any grouping', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.constantFrom(' ', '-', ''),
        fc.constantFrom('TFN', 'Tax file number', "Payee's TFN:"),
        (seed, sep, label) => {
          const tfn = makeTfn(rng(seed));
          const text = `${label} ${tfn.slice(0, 3)}${sep}${tfn.slice(3, 6)}${sep}${tfn.slice(6)} end`;
          expect(redactTfns(text).replace(/\D/g, '')).not.toContain(tfn.slice(0, 4));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('redactLayout', () => {
  it('masks TFNs in line and word text and keeps the boxes', () => {
    const layout = layoutFromText("Payee's tax file number\n123 456 782\nGross payments $85,432.00");
    const red = redactLayout(layout);
    expect(layoutText(red)).toBe("Payee's tax file number\n*** *** ***\nGross payments $85,432.00");
    expect(red.pages[0]?.lines[1]?.words?.map((w) => w.text)).toEqual(['***', '***', '***']);
    expect(red.pages[0]?.lines[1]?.words?.[0]?.box).toEqual(layout.pages[0]?.lines[1]?.words?.[0]?.box);
    // the input is not modified
    expect(layout.pages[0]?.lines[1]?.text).toBe('123 456 782');
  });
});
