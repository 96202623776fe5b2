// Australian bank CSV exports, as data. To add a bank: add an entry with the header it writes (or
// the shape of its header-less rows) and the column mapping; add a fixture in
// test/fixtures/bank-files.ts and a test. Sources: public descriptions of each bank's export, and
// open-source importers that read them; banks change these without notice, so the generic
// header matcher and the user's column mapping remain the fallback.

import type { CsvColumnMapping } from './types';

export interface CsvLayout {
  id: string;
  bank: string;
  /** Header names (compared case-insensitively, spaces collapsed) that identify the layout. */
  header?: readonly string[];
  /** For header-less exports: the cell kinds of a data row, left to right. */
  shape?: readonly ('date' | 'amount' | 'text' | 'amount-or-empty')[];
  mapping: CsvColumnMapping;
  notes: string;
}

export const CSV_LAYOUTS: readonly CsvLayout[] = [
  {
    id: 'commbank',
    bank: 'Commonwealth Bank (NetBank)',
    shape: ['date', 'amount', 'text', 'amount'],
    mapping: { date: 0, amount: 1, description: 2, balance: 3, hasHeader: false },
    notes: 'No header row: date (DD/MM/YYYY), signed amount, description, running balance.',
  },
  {
    id: 'anz',
    bank: 'ANZ (also Bendigo Bank "simple CSV")',
    shape: ['date', 'amount', 'text'],
    mapping: { date: 0, amount: 1, description: 2, hasHeader: false },
    notes: 'No header row: date (DD/MM/YYYY), signed amount, description; later columns may be empty.',
  },
  {
    id: 'westpac',
    bank: 'Westpac (also St.George, Bank of Melbourne, BankSA)',
    header: [
      'bank account',
      'date',
      'narrative',
      'debit amount',
      'credit amount',
      'balance',
      'categories',
      'serial',
    ],
    mapping: {
      date: 'date',
      debit: 'debit amount',
      credit: 'credit amount',
      description: 'narrative',
      balance: 'balance',
      reference: 'serial',
    },
    notes: 'Unsigned debit and credit columns; DD/MM/YYYY.',
  },
  {
    id: 'nab',
    bank: 'NAB',
    header: [
      'date',
      'amount',
      'account number',
      'transaction type',
      'transaction details',
      'balance',
      'category',
      'merchant name',
    ],
    mapping: {
      date: 'date',
      amount: 'amount',
      description: 'transaction details',
      payee: 'merchant name',
      balance: 'balance',
    },
    notes: 'Dates like "05 Jul 24"; signed amount; an unnamed empty column after the account number.',
  },
  {
    id: 'ing',
    bank: 'ING Australia',
    header: ['date', 'description', 'credit', 'debit', 'balance'],
    mapping: {
      date: 'date',
      description: 'description',
      credit: 'credit',
      debit: 'debit',
      balance: 'balance',
    },
    notes: 'Debits are already negative in the Debit column; DD/MM/YYYY.',
  },
  {
    id: 'macquarie',
    bank: 'Macquarie Bank',
    header: [
      'transaction date',
      'details',
      'account',
      'category',
      'subcategory',
      'tags',
      'notes',
      'debit',
      'credit',
      'balance',
    ],
    mapping: {
      date: 'transaction date',
      description: 'details',
      debit: 'debit',
      credit: 'credit',
      balance: 'balance',
    },
    notes: 'Dates like "19 Dec 2025"; unsigned debit and credit columns.',
  },
  {
    id: 'up',
    bank: 'Up',
    header: [
      'time',
      'transaction type',
      'payee',
      'description',
      'category',
      'tags',
      'subtotal (aud)',
      'currency',
      'total (aud)',
    ],
    mapping: { date: 'time', amount: 'subtotal (aud)', description: 'description', payee: 'payee' },
    notes:
      'Timestamp with offset; the purchase is "Subtotal (AUD)" (Total adds the round-up sent to savings).',
  },
];

/** Header synonyms for the generic matcher (a bank not listed, or a changed export). */
export const HEADER_SYNONYMS = {
  date: [
    'date',
    'transaction date',
    'posted date',
    'posting date',
    'value date',
    'effective date',
    'processed date',
    'date posted',
    'time',
  ],
  description: [
    'description',
    'narrative',
    'transaction details',
    'details',
    'memo',
    'particulars',
    'narration',
    'transaction description',
  ],
  amount: ['amount', 'transaction amount', 'value', 'amount (aud)', 'aud amount', 'net amount'],
  debit: ['debit', 'debit amount', 'debits', 'withdrawal', 'withdrawals', 'money out', 'paid out', 'dr'],
  credit: ['credit', 'credit amount', 'credits', 'deposit', 'deposits', 'money in', 'paid in', 'cr'],
  balance: ['balance', 'running balance', 'closing balance'],
  payee: ['payee', 'merchant', 'merchant name'],
  reference: ['reference', 'serial', 'cheque number', 'receipt number', 'transaction id'],
} as const;
