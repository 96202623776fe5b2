// Malformed and hostile bank files: each one must come back as errors (never a throw), quickly.
// Time bounds are generous ceilings that catch a hang or a quadratic blow-up, not benchmarks.

import { describe, expect, it } from 'vitest';
import type { BankParseResult } from '../src/index';
import {
  DEFAULT_LIMITS,
  analyzeDocument,
  layoutFromText,
  parseBankFile,
  redactTfns,
  sanitizeForSpreadsheet,
} from '../src/index';
import { csvFor, ofxSgml, qif, utf8 } from './fixtures/bank-files';

function timed(fn: () => BankParseResult): { result: BankParseResult; ms: number } {
  const t0 = Date.now();
  const result = fn();
  return { result, ms: Date.now() - t0 };
}

describe('malformed files', () => {
  it('a CSV cut off inside a quoted field', () => {
    const text = csvFor('commbank');
    const cut = text.slice(0, text.indexOf('"', text.indexOf('SALARY') - 3) + 5);
    const r = parseBankFile(utf8(cut));
    expect(r.transactions).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/quoted value is never closed/);
  });

  it('an OFX file cut off mid-way keeps the complete transactions and says it is truncated', () => {
    const text = ofxSgml();
    const cut = text.slice(0, text.indexOf('<STMTTRN>', text.indexOf('SALARY')) + 30);
    const r = parseBankFile(utf8(cut));
    expect(r.format).toBe('ofx');
    expect(r.transactions.map((t) => t.description)).toEqual([
      'COFFEE CLUB SYDNEY',
      'COFFEE CLUB SYDNEY',
      'SALARY KOALA HARBOUR PTY',
    ]);
    expect(r.errors.map((e) => e.message).join(' ')).toMatch(/truncated/);
  });

  it('an OFX header with no body', () => {
    const r = parseBankFile(utf8('OFXHEADER:100\r\nDATA:OFXSGML\r\n'));
    expect(r.transactions).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/no <OFX> body/);
  });

  it('a QIF record with no amount is reported and skipped', () => {
    const r = parseBankFile(utf8('!Type:Bank\nD01/07/2024\nPCOFFEE\n^\nD02/07/2024\nT-3.00\nPTEA\n^\n'));
    expect(r.transactions.map((t) => t.description)).toEqual(['TEA']);
    expect(r.errors).toEqual([{ line: 2, message: 'Line 2: no readable amount.' }]);
  });

  it('an empty file, a header-only CSV and blank lines', () => {
    expect(parseBankFile(new Uint8Array()).errors[0]?.message).toBe('The file is empty.');
    expect(parseBankFile(utf8('Date,Description,Amount\r\n')).errors[0]?.message).toMatch(/No transactions/);
    expect(parseBankFile(utf8('\r\n\r\n  \r\n')).format).toBe('unknown');
  });
});

describe('wrong formats', () => {
  it.each([
    ['a PDF', utf8('%PDF-1.7\n1 0 obj <<>> endobj\n'), /This is a PDF/],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), /Excel/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /PNG/],
    [
      'random binary',
      new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)),
      /not a CSV, OFX, QFX or QIF/,
    ],
    ['JSON', utf8('{"transactions": [1, 2, 3]}'), /not a CSV, OFX, QFX or QIF/],
  ])('%s', (_name, bytes, message) => {
    const r = parseBankFile(bytes);
    expect(r.transactions).toEqual([]);
    expect(r.format).toBe('unknown');
    expect(r.errors[0]?.message).toMatch(message);
  });
});

describe('hostile sizes fail fast', () => {
  it('a 50 MB single line is refused before it is decoded', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const { result } = timed(() => parseBankFile(bytes, { filename: 'big.csv' }));
    expect(result.transactions).toEqual([]);
    expect(result.errors[0]?.message).toMatch(/the most one import accepts is 32 MB/);
  });

  it('a 2 MB single line under the size limit is refused by the line-length limit', () => {
    const text = `Date,Description,Amount\r\n01/07/2024,${'x'.repeat(2 * 1024 * 1024)},-1.00\r\n`;
    const { result } = timed(() => parseBankFile(utf8(text)));
    expect(result.transactions).toEqual([]);
    expect(result.errors[0]).toEqual({
      line: 2,
      message: `Line 2 is longer than ${DEFAULT_LIMITS.maxLineLength.toLocaleString('en-AU')} characters, so this is not a bank statement export.`,
    });
  });

  it('a million rows stop at the row limit with an error', () => {
    const row = '01/07/2024,-1.00,X,0\n';
    const text = row.repeat(1_000_000);
    const { result } = timed(() => parseBankFile(utf8(text)));
    expect(result.transactions).toEqual([]);
    expect(result.errors[0]?.message).toMatch(/more than 100,000 rows/);
  });

  it('a quote opened at the start of a field and never closed, over many lines', () => {
    const text = `01/07/2024,"-1.00,never closed\r\n${'02/07/2024,-1.00,X\r\n'.repeat(20_000)}`;
    const { result } = timed(() => parseBankFile(utf8(text)));
    expect(result.transactions).toEqual([]);
    expect(result.errors[0]?.message).toMatch(/could not be read: a row is far too long \(near line \d+\)/);
  });

  it('a stray quote inside a field is tolerated: that row is reported, the rest are read', () => {
    const text = `01/07/2024,"-1.00,"stray quote\r\n${'02/07/2024,-1.00,X\r\n'.repeat(20)}`;
    const r = parseBankFile(utf8(text));
    expect(r.transactions).toHaveLength(20);
    expect(r.errors).toEqual([{ line: 1, message: 'Line 1: no readable amount.' }]);
  });

  it('limits can be tightened by the caller', () => {
    const r = parseBankFile(utf8(csvFor('commbank')), { maxRows: 3 });
    expect(r.transactions).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/more than 3 rows/);
    const q = parseBankFile(utf8(qif()), { maxRows: 3 });
    expect(q.transactions).toEqual([]);
    expect(q.errors[0]?.message).toMatch(/more than 3 transactions/);
  });

  it('an OFX file with more transactions than the limit', () => {
    const r = parseBankFile(utf8(ofxSgml()), { maxRows: 2 });
    expect(r.transactions).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/more than 2 transactions/);
  });
});

describe('formula injection', () => {
  const text = [
    'Date,Description,Amount',
    '01/07/2024,"=HYPERLINK(""http://evil.example"",""click"")",-1.00',
    '02/07/2024,+SUM(1+1),-2.00',
    '03/07/2024,-2+3,-3.00',
    '04/07/2024,@SUM(A1),-4.00',
    '05/07/2024,"\tTAB START",-5.00',
    '06/07/2024,PLAIN COFFEE,-6.00',
    '07/07/2024,AMOUNT IS A FORMULA,=1+1',
  ].join('\r\n');
  const r = parseBankFile(utf8(text));

  it('keeps the raw text as a description and flags it', () => {
    expect(r.transactions.map((t) => [t.description, t.flags])).toEqual([
      ['=HYPERLINK("http://evil.example","click")', ['formula-risk']],
      ['+SUM(1+1)', ['formula-risk']],
      ['-2+3', ['formula-risk']],
      ['@SUM(A1)', ['formula-risk']],
      // csv-parse keeps the tab inside quotes; the cell is trimmed like every cell
      ['TAB START', undefined],
      ['PLAIN COFFEE', undefined],
    ]);
  });

  it('refuses a formula where an amount should be', () => {
    expect(r.errors).toEqual([{ line: 8, message: 'Line 8: no readable amount.' }]);
  });

  it('sanitizes text for a later spreadsheet export', () => {
    expect(sanitizeForSpreadsheet('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(sanitizeForSpreadsheet('+SUM(1)')).toBe("'+SUM(1)");
    expect(sanitizeForSpreadsheet('@cmd')).toBe("'@cmd");
    expect(sanitizeForSpreadsheet('\tx')).toBe("'\tx");
    expect(sanitizeForSpreadsheet('\rx')).toBe("'\rx");
    expect(sanitizeForSpreadsheet('  =1+1')).toBe("'  =1+1");
    expect(sanitizeForSpreadsheet('-12.50')).toBe('-12.50');
    expect(sanitizeForSpreadsheet('COFFEE')).toBe('COFFEE');
  });
});

describe('pathological document text', () => {
  // Shapes that make careless regular expressions backtrack (long runs, repeated separators).
  const lines = [
    'Level ' + 'a'.repeat(1990),
    'a '.repeat(1000),
    '1'.repeat(2000),
    '$1,'.repeat(600),
    'Tax Invoice ' + 'A'.repeat(1980),
    '13U '.repeat(500),
    'J 1 '.repeat(500),
    '1/'.repeat(1000),
    'TFN ' + '1 '.repeat(990),
    'Jan '.repeat(500),
    '('.repeat(2000),
    'S0O'.repeat(660),
    'ABCDEFGHIJ'.repeat(200) + 'PTY',
  ];
  it.each(lines.map((l) => [JSON.stringify(l.slice(0, 16)), l]))(
    '%s… is analysed quickly, as text and as OCR',
    (_name, line) => {
      for (const ocr of [false, true]) {
        const layout = layoutFromText(`Tax invoice\n${line}\nTotal $1.00`);
        if (ocr)
          for (const l of layout.pages[0]?.lines ?? []) for (const w of l.words ?? []) w.confidence = 0.8;
        const r = analyzeDocument(layout);
        redactTfns(line);
        expect(r.extraction.type).toBeDefined();
      }
    },
  );
});
