// Bank file import: detect the format → decode → a pure format-to-transactions converter. Never
// throws: every problem comes back in `errors` with a message safe to show the user (the pattern
// of actualbudget's parse-file).

import { parseCsvText } from './csv';
import { decodeTextWithEncoding } from './decode';
import { binaryKind, detectFromText } from './detect';
import { resolveLimits } from './limits';
import { parseOfxText } from './ofx';
import { parseQifText } from './qif';
import type { BankParseLimits, BankParseOptions, BankParseResult, CsvColumnMapping } from './types';

function tooLarge(bytes: Uint8Array, maxBytes: number): BankParseResult | undefined {
  if (bytes.length <= maxBytes) return undefined;
  const mb = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return {
    format: 'unknown',
    transactions: [],
    errors: [{ message: `The file is ${mb(bytes.length)}; the most one import accepts is ${mb(maxBytes)}.` }],
  };
}

/** Parses a bank export (CSV, OFX, QFX or QIF) into transactions. */
export function parseBankFile(bytes: Uint8Array, options: BankParseOptions = {}): BankParseResult {
  try {
    const limits = resolveLimits(options);
    const big = tooLarge(bytes, limits.maxBytes);
    if (big) return big;
    if (bytes.length === 0)
      return { format: 'unknown', transactions: [], errors: [{ message: 'The file is empty.' }] };
    const binary = binaryKind(bytes);
    if (binary) {
      return {
        format: 'unknown',
        transactions: [],
        errors: [
          {
            message: `This is ${binary}, not a bank export. Download a CSV, OFX, QFX or QIF file from your bank instead.`,
          },
        ],
      };
    }
    const { text, encoding } = decodeTextWithEncoding(bytes);
    const format = options.mapping ? 'csv' : detectFromText(text.slice(0, 4096), options.filename);
    switch (format) {
      case 'csv':
        return { format, encoding, ...parseCsvText(text, limits, options.mapping) };
      case 'ofx':
      case 'qfx':
        return { format, encoding, ...parseOfxText(text, limits) };
      case 'qif':
        return { format, encoding, ...parseQifText(text, limits, options.dateOrder) };
      case 'unknown':
        return {
          format,
          encoding,
          transactions: [],
          errors: [{ message: 'This file is not a CSV, OFX, QFX or QIF bank export.' }],
        };
    }
  } catch {
    // A parser bug must not take the import down; the user gets a plain message.
    return { format: 'unknown', transactions: [], errors: [{ message: 'The file could not be read.' }] };
  }
}

/** Parses a CSV with a user-chosen column mapping (the fallback when the layout is not recognised). */
export function parseCsvWithMapping(
  bytes: Uint8Array,
  mapping: CsvColumnMapping,
  limits: BankParseLimits = {},
): BankParseResult {
  return parseBankFile(bytes, { ...limits, mapping });
}
