// @numeri/extract: pure parsers. Document text and layout in → classification and typed fields
// with confidence and page regions out; bank CSV/OFX/QFX/QIF bytes in → transactions out; plus
// de-duplication fingerprints and deduction suggestions. No I/O, no Node built-ins.

// Layout model and builders
export type {
  DocumentLayout,
  PageLayout,
  TextLine,
  TextWord,
  Region,
  PdfTextItem,
  PdfTextPage,
  OcrWord,
  OcrPage,
} from './layout/types';
export {
  layoutFromText,
  layoutFromTextItems,
  layoutFromOcrWords,
  groupWordsIntoLines,
  splitIntoWords,
  regionUnion,
  layoutText,
} from './layout/build';
export type { TextLayoutOptions, GroupOptions } from './layout/build';
export { redactLayout } from './layout/redact';

// Documents
export {
  DOCUMENT_TYPES,
  FIELD_DEFINITIONS,
  FIELD_KEYS_BY_TYPE,
  FIELD_RETURN_LABELS,
  REPEATABLE_FIELDS,
  isFieldOf,
} from './documents/fields';
export type {
  DocumentType,
  ValueType,
  FieldKey,
  FieldKeyOf,
  ExtractedField,
  ExtractionResult,
  ReturnLabelRef,
  ReturnRole,
} from './documents/fields';
export { classifyDocument } from './documents/classify';
export type { Classification } from './documents/classify';
export { extractFields, analyzeDocument } from './documents/extract';
export type { ExtractOptions, DocumentAnalysis } from './documents/extract';
export { frankingRateFor } from './documents/checks';

// Text primitives (Australian formats)
export { parseMoney, findMoneyTokens, formatCents } from './text/money';
export type { MoneyToken, ParseMoneyOptions } from './text/money';
export { parseDate, findDateTokens, incomeYearOf, incomeYearBounds } from './text/dates';
export type { DateOrder, DateToken } from './text/dates';
export { isValidAbn, formatAbn, isValidTfn, redactTfns, findAbnTokens } from './text/ids';
export { foldOcrDigits } from './text/fold';

// Bank files
export { parseBankFile, parseCsvWithMapping } from './bank/parse';
export { detectBankFileFormat } from './bank/detect';
export { decodeText, decodeTextWithEncoding, detectTextEncoding } from './bank/decode';
export type { TextEncodingName } from './bank/decode';
export { CSV_LAYOUTS, HEADER_SYNONYMS } from './bank/csv-layouts';
export type { CsvLayout } from './bank/csv-layouts';
export { DEFAULT_LIMITS } from './bank/limits';
export type {
  BankFileFormat,
  ParsedTransaction,
  TransactionFlag,
  BankParseError,
  BankParseResult,
  BankParseLimits,
  BankParseOptions,
  CsvColumnMapping,
  ColumnRef,
} from './bank/types';

// De-duplication, spreadsheet safety, deduction suggestions
export {
  transactionFingerprint,
  fingerprintTransactions,
  normaliseDescription,
  fnv1a64,
} from './fingerprint';
export { sanitizeForSpreadsheet, hasFormulaRisk, toCsvCell } from './spreadsheet';
export { suggestDeductions } from './deductions/suggest';
export type { Suggestion } from './deductions/suggest';
export { DEFAULT_DEDUCTION_RULES } from './deductions/rules';
export type { DeductionRule, DeductionCategory } from './deductions/rules';
