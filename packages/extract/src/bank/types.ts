import type { DateOrder } from '../text/dates';

export type BankFileFormat = 'csv' | 'ofx' | 'qfx' | 'qif' | 'unknown';

export type TransactionFlag =
  /** The description starts with =, +, -, @, tab or CR: a spreadsheet would run it as a formula. */
  'formula-risk';

export interface ParsedTransaction {
  /** ISO yyyy-mm-dd (the date printed by the bank, no time zone conversion). */
  date: string;
  /** Signed integer cents: money out (debit) is negative. */
  amountCents: number;
  /** The bank's description, as given (never rewritten; see `flags`). */
  description: string;
  payee?: string;
  reference?: string;
  balanceCents?: number;
  /** OFX/QFX financial-institution transaction id. */
  fitId?: string;
  flags?: TransactionFlag[];
}

export interface BankParseError {
  /** 1-based line (CSV/QIF) where known. */
  line?: number;
  /** Safe to show to the user. */
  message: string;
}

export interface BankParseResult {
  format: BankFileFormat;
  /** For CSV: the recognised layout id ('commbank', 'westpac', …, 'generic', 'mapped'). */
  layout?: string;
  /** The text encoding the bytes were decoded with. */
  encoding?: string;
  transactions: ParsedTransaction[];
  errors: BankParseError[];
  /** Set when a CSV's columns were not recognised: show the user these to map the columns. */
  needsMapping?: { headers: string[]; sample: string[][] };
}

export interface BankParseLimits {
  /** Largest file accepted, in bytes. Default 32 MiB. */
  maxBytes?: number;
  /** Most data rows (CSV lines or QIF/OFX transactions) accepted. Default 100,000. */
  maxRows?: number;
  /** Longest CSV/QIF line accepted, in characters. Default 16,384. */
  maxLineLength?: number;
}

export interface BankParseOptions extends BankParseLimits {
  /** Original file name; used only as a hint for the format. */
  filename?: string;
  /** Order of numeric dates. Default 'dmy' (Australian); some QIF exports need 'mdy'. */
  dateOrder?: DateOrder;
  /** Force a CSV column mapping instead of detection. */
  mapping?: CsvColumnMapping;
}

/** A column reference: 0-based index or header name (case-insensitive). */
export type ColumnRef = number | string;

export interface CsvColumnMapping {
  date: ColumnRef;
  /** A signed amount column… */
  amount?: ColumnRef;
  /** …or separate debit and credit columns (values may be unsigned). */
  debit?: ColumnRef;
  credit?: ColumnRef;
  /** One column or several joined with a space. */
  description: ColumnRef | ColumnRef[];
  payee?: ColumnRef;
  reference?: ColumnRef;
  balance?: ColumnRef;
  /** Whether the first row is a header row. Default: true when any ColumnRef is a name. */
  hasHeader?: boolean;
  dateOrder?: DateOrder;
  /** Multiply amounts by -1 (for files where spending is positive, e.g. some card exports). */
  invertAmount?: boolean;
  /** Field delimiter; detected when absent. */
  delimiter?: string;
}
