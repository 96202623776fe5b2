// CSV/formula injection ("CSV injection"): a spreadsheet treats a cell that starts with =, +, -,
// @, tab or carriage return as a formula. Imported descriptions keep their raw text (they are the
// user's evidence) and are flagged; anything written back out to CSV goes through
// sanitizeForSpreadsheet.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would treat this text as a formula (leading spaces ignored). */
export function hasFormulaRisk(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(text.replace(/^ +/, ''));
}

/**
 * Makes text safe to put in a CSV cell that a spreadsheet will open: a value that would start a
 * formula is prefixed with a single quote (shown as text by Excel, LibreOffice and Sheets). Plain
 * numbers such as "-12.50" are left alone so amounts stay numeric.
 */
export function sanitizeForSpreadsheet(text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  return hasFormulaRisk(text) ? `'${text}` : text;
}

/** Quotes one CSV cell (RFC 4180) after sanitising it. */
export function toCsvCell(text: string): string {
  const safe = sanitizeForSpreadsheet(text);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
