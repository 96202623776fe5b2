import { describe, expect, it } from 'vitest';
import type { BankParseResult, ParsedTransaction } from '../src/index';
import {
  CSV_LAYOUTS,
  decodeText,
  detectBankFileFormat,
  detectTextEncoding,
  parseBankFile,
  parseCsvWithMapping,
} from '../src/index';
import {
  BALANCES,
  TXS,
  csvFor,
  ofxSgml,
  ofxXml,
  qfx,
  qif,
  utf16,
  utf8,
  windows1252,
} from './fixtures/bank-files';
import type { CsvBank } from './fixtures/bank-files';

function expectTransactions(
  result: BankParseResult,
  opts: { balances?: boolean; payee?: boolean } = {},
): void {
  expect(result.errors).toEqual([]);
  expect(result.transactions).toHaveLength(TXS.length);
  result.transactions.forEach((tx, i) => {
    const want = TXS[i] as (typeof TXS)[number];
    expect(tx.date, `row ${i} date`).toBe(want.date);
    expect(tx.amountCents, `row ${i} amount`).toBe(want.amountCents);
    expect(tx.description, `row ${i} description`).toBe(want.description);
    if (opts.balances) expect(tx.balanceCents, `row ${i} balance`).toBe(BALANCES[i]);
    if (opts.payee) expect(tx.payee, `row ${i} payee`).toBe(want.payee);
  });
}

describe('Australian bank CSV layouts', () => {
  const cases: [CsvBank, { balances?: boolean; payee?: boolean }][] = [
    ['commbank', { balances: true }],
    ['anz', {}],
    ['westpac', { balances: true }],
    ['nab', { balances: true, payee: true }],
    ['ing', { balances: true }],
    ['macquarie', { balances: true }],
    ['up', { payee: true }],
    ['generic', { balances: true }],
  ];
  it.each(cases)('%s', (bank, opts) => {
    const result = parseBankFile(utf8(csvFor(bank)), { filename: `${bank}.csv` });
    expect(result.format).toBe('csv');
    expect(result.layout).toBe(bank);
    expectTransactions(result, opts);
  });

  it('lists every layout it recognises', () => {
    expect(CSV_LAYOUTS.map((l) => l.id).sort()).toEqual([
      'anz',
      'commbank',
      'ing',
      'macquarie',
      'nab',
      'up',
      'westpac',
    ]);
  });

  it('reads debits as negative whether the bank writes them signed (ING) or unsigned (Westpac)', () => {
    const ing = parseBankFile(utf8(csvFor('ing'))).transactions[0];
    const westpac = parseBankFile(utf8(csvFor('westpac'))).transactions[0];
    expect(ing?.amountCents).toBe(-450);
    expect(westpac?.amountCents).toBe(-450);
  });

  it('reads semicolon-separated files', () => {
    const text = 'Date;Description;Amount\r\n01/07/2024;COFFEE;-4,50\r\n02/07/2024;SALARY;3123.45\r\n';
    const r = parseBankFile(utf8(text));
    expect(r.transactions.map((t) => [t.date, t.amountCents])).toEqual([
      ['2024-07-01', -450],
      ['2024-07-02', 312_345],
    ]);
  });
});

describe('encodings', () => {
  const text = csvFor('commbank');
  it.each([
    ['UTF-8', utf8(text), 'utf-8'],
    ['UTF-8 with BOM', utf8(text, true), 'utf-8'],
    ['UTF-16LE with BOM', utf16(text, 'le'), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(text, 'be'), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(text, 'le', false), 'utf-16le'],
    ['Windows-1252', windows1252(text), 'windows-1252'],
  ] as const)('%s', (_name, bytes, encoding) => {
    expect(detectTextEncoding(bytes)).toBe(encoding);
    const r = parseBankFile(bytes);
    expect(r.encoding).toBe(encoding);
    expectTransactions(r, { balances: true });
    // the accented merchant survives every encoding
    expect(r.transactions[3]?.description).toBe('CAFÉ RÜPPELL NEWTOWN');
  });

  it('drops a byte-order mark from decoded text', () => {
    expect(decodeText(utf8('abc', true))).toBe('abc');
    expect(decodeText(utf16('abc', 'le'))).toBe('abc');
  });
});

describe('OFX, QFX and QIF', () => {
  it('OFX 1.x SGML (leaf tags not closed)', () => {
    const r = parseBankFile(utf8(ofxSgml()), { filename: 'statement.ofx' });
    expect(r.format).toBe('ofx');
    expectTransactions(r);
    expect(r.transactions[0]?.fitId).toBe('2024000000');
  });

  it('OFX 2.x XML', () => {
    const r = parseBankFile(utf8(ofxXml()));
    expect(r.format).toBe('ofx');
    expectTransactions(r);
  });

  it('QFX (Quicken OFX)', () => {
    const r = parseBankFile(utf8(qfx()), { filename: 'statement.qfx' });
    expect(r.format).toBe('qfx');
    expectTransactions(r);
  });

  it("QIF with DD/MM/YYYY, D/MM/YY and D/M'YY dates", () => {
    const r = parseBankFile(utf8(qif()), { filename: 'statement.qif' });
    expect(r.format).toBe('qif');
    expectTransactions(r);
    expect(r.transactions[0]?.reference).toBe('1000');
  });

  it('QIF month-first dates are not silently swapped: the error says so', () => {
    const us = '!Type:Bank\nD07/13/2024\nT-4.50\nPCOFFEE\n^\nD07/14/2024\nT-5.50\nPTEA\n^\n';
    const r = parseBankFile(utf8(us));
    expect(r.transactions).toEqual([]);
    expect(r.errors.map((e) => e.message).join(' ')).toMatch(/month-first/);
    const ok = parseBankFile(utf8(us), { dateOrder: 'mdy' });
    expect(ok.transactions.map((t) => t.date)).toEqual(['2024-07-13', '2024-07-14']);
  });

  it('detects formats from content, not the file name', () => {
    expect(detectBankFileFormat(utf8(ofxSgml()), 'renamed.csv')).toBe('ofx');
    expect(detectBankFileFormat(utf8(qif()), 'x.txt')).toBe('qif');
    expect(detectBankFileFormat(utf8(csvFor('anz')))).toBe('csv');
    expect(detectBankFileFormat(utf8('%PDF-1.7\n...'))).toBe('unknown');
  });
});

describe('column-mapping fallback', () => {
  const unknown =
    'When,What,How much,Left\r\n01/07/2024,COFFEE,-4.50,95.50\r\n02/07/2024,SALARY,100.00,195.50\r\n';

  it('asks for a mapping when the columns are not recognised', () => {
    const r = parseBankFile(utf8(unknown));
    expect(r.transactions).toEqual([]);
    expect(r.needsMapping).toEqual({
      headers: ['When', 'What', 'How much', 'Left'],
      sample: [
        ['01/07/2024', 'COFFEE', '-4.50', '95.50'],
        ['02/07/2024', 'SALARY', '100.00', '195.50'],
      ],
    });
  });

  it('parses with the mapping the user chose, by name or by index', () => {
    const byName = parseCsvWithMapping(utf8(unknown), {
      date: 'when',
      description: 'What',
      amount: 'How much',
      balance: 'Left',
    });
    const byIndex = parseCsvWithMapping(utf8(unknown), {
      date: 0,
      description: 1,
      amount: 2,
      balance: 3,
      hasHeader: true,
    });
    for (const r of [byName, byIndex]) {
      expect(r.layout).toBe('mapped');
      expect(r.transactions).toEqual([
        { date: '2024-07-01', amountCents: -450, description: 'COFFEE', balanceCents: 9_550 },
        { date: '2024-07-02', amountCents: 10_000, description: 'SALARY', balanceCents: 19_550 },
      ]);
    }
  });

  it('can invert amounts for exports where spending is positive', () => {
    const card = 'Date,Merchant,Charge\r\n01/07/2024,COFFEE,4.50\r\n';
    const r = parseCsvWithMapping(utf8(card), {
      date: 'Date',
      description: 'Merchant',
      amount: 'Charge',
      invertAmount: true,
    });
    expect(r.transactions[0]?.amountCents).toBe(-450);
  });

  it('reports a mapped column that does not exist', () => {
    const r = parseCsvWithMapping(utf8(unknown), { date: 'Date', description: 'What', amount: 'How much' });
    expect(r.transactions).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/"Date" chosen for the date was not found/);
  });
});

describe('row problems are reported, good rows kept', () => {
  it('keeps good rows and names bad lines', () => {
    const text = [
      '01/07/2024,"-4.50","COFFEE"',
      '32/07/2024,"-1.00","BAD DATE"',
      '02/07/2024,"abc","BAD AMOUNT"',
      '03/07/2024,"-2.00","TEA"',
      '04/07/2024,"-3.00","CAKE"',
      '05/07/2024,"-1.50","WATER"',
    ].join('\r\n');
    const r = parseBankFile(utf8(text));
    expect(r.layout).toBe('anz');
    expect(r.transactions.map((t: ParsedTransaction) => t.description)).toEqual([
      'COFFEE',
      'TEA',
      'CAKE',
      'WATER',
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(r.errors[0]?.message).toMatch(/day\/month\/year/);
  });
});
