import type { DocumentLayout } from '../layout/types';
import { redactTfns } from '../text/ids';
import { crossCheck, FieldSet, validateValues } from './checks';
import type { CheckOptions, WorkingField } from './checks';
import { classifyNormalised } from './classify';
import type { Classification } from './classify';
import { assign, buildSearchContext, candidatesFor } from './engine';
import type { Candidate } from './engine';
import { FIELD_DEFINITIONS, FIELD_KEYS_BY_TYPE, REPEATABLE_FIELDS } from './fields';
import type { DocumentType, ExtractedField, ExtractionResult, FieldKey } from './fields';
import { normaliseLayout, regionFor } from './norm';
import type { NormDoc } from './norm';
import { phiRows } from './phi';
import { FALLBACKS, SPECS } from './specs';

export type ExtractOptions = CheckOptions;

/** Fields a user expects from each type; a missing one gets a warning. */
const EXPECTED: Readonly<Partial<Record<DocumentType, readonly FieldKey[]>>> = {
  'income-statement': ['grossPayments', 'taxWithheld', 'payerAbn'],
  'payg-payment-summary': ['grossPayments', 'taxWithheld', 'payerAbn'],
  receipt: ['total', 'date', 'supplierName'],
  'dividend-statement': ['paymentDate', 'frankedAmount', 'unfrankedAmount', 'frankingCredit'],
  'interest-summary': ['interest'],
  'private-health-statement': ['premiumsPaid', 'rebateReceived', 'benefitCode'],
};

interface Working extends WorkingField {
  raw: string;
  region: ExtractedField['region'];
}

function toWorking(c: Candidate, key: FieldKey, start: number, end: number, value: string | number): Working {
  const def = FIELD_DEFINITIONS[key];
  const w: Working = {
    key,
    valueType: def.valueType,
    value,
    confidence: c.score,
    raw: c.line.text.slice(start, end),
    region: regionFor(c.line, start, end),
  };
  if (c.row !== undefined) w.row = c.row;
  return w;
}

function extractFromNormalised(doc: NormDoc, type: DocumentType, options: ExtractOptions): ExtractionResult {
  const specs = SPECS[type];
  const ctx = buildSearchContext(doc, specs);
  const rowKeys = new Set<FieldKey>(REPEATABLE_FIELDS[type] ?? []);
  const working: Working[] = [];

  // Repeatable rows (private health statements) are read as a table first.
  let rowsFound = false;
  const usedByRows = new Set<string>();
  if (type === 'private-health-statement') {
    const rows = phiRows(ctx);
    rows.forEach((row, i) => {
      for (const c of [row.premiumsPaid, row.rebateReceived, row.benefitCode]) {
        if (!c) continue;
        working.push(toWorking({ ...c, row: i }, c.key, c.token.start, c.token.end, c.token.value));
        usedByRows.add(`${c.line.index}:${c.token.start}`);
        rowsFound = true;
      }
    });
  }

  const candidates: Candidate[] = [];
  for (const s of specs) {
    if (rowsFound && rowKeys.has(s.key)) continue;
    candidates.push(...candidatesFor(ctx, s));
  }
  candidates.push(...(FALLBACKS[type]?.(ctx) ?? []).filter((c) => !(rowsFound && rowKeys.has(c.key))));
  // Table values already used by rows may not be reused by single fields.
  const chosen = assign(candidates.filter((c) => !usedByRows.has(`${c.line.index}:${c.token.start}`)));

  for (const [key, c] of chosen) {
    if (key === 'periodStart') {
      working.push(toWorking(c, 'periodStart', c.token.start, c.token.end, c.token.value));
      if (c.token.extra)
        working.push(toWorking(c, 'periodEnd', c.token.extra.start, c.token.extra.end, c.token.extra.value));
      continue;
    }
    const w = toWorking(c, key, c.token.start, c.token.end, c.token.value);
    if (rowKeys.has(key)) w.row = 0;
    working.push(w);
  }

  const set = new FieldSet(working);
  validateValues(set, options);
  crossCheck(type, set, options);

  const warnings: string[] = [];
  if (doc.truncated) warnings.push('This document is unusually long; only the first part of it was read.');
  if (doc.tfnFound)
    warnings.push(
      'This document shows a tax file number. It was not read, and it is masked in all extracted text.',
    );
  for (const key of EXPECTED[type] ?? []) {
    if (!working.some((w) => w.key === key))
      warnings.push(`${FIELD_DEFINITIONS[key].label} was not found; enter it from the document.`);
  }
  warnings.push(...set.warnings);

  const order = FIELD_KEYS_BY_TYPE[type] as readonly FieldKey[];
  const fields = working
    .filter((w) => order.includes(w.key))
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key) || (a.row ?? 0) - (b.row ?? 0))
    .map((w) => finalise(w));
  return { type, fields, warnings: warnings.map(redactTfns) };
}

function finalise(w: Working): ExtractedField {
  const base = {
    key: w.key,
    label: FIELD_DEFINITIONS[w.key].label,
    raw: redactTfns(w.raw),
    confidence: Math.round(Math.min(1, Math.max(0, w.confidence)) * 1000) / 1000,
    region: w.region,
    ...(w.row !== undefined ? { row: w.row } : {}),
  };
  switch (w.valueType) {
    case 'money':
    case 'integer':
      return { ...base, valueType: w.valueType, value: Number(w.value) };
    case 'date':
    case 'abn':
      return { ...base, valueType: w.valueType, value: String(w.value) };
    case 'text':
      return { ...base, valueType: 'text', value: redactTfns(String(w.value)) };
  }
}

/**
 * Extracts typed fields from a document layout. When `type` is omitted the document is classified
 * first. Never throws on odd input; a TFN on the document is never returned.
 */
export function extractFields(
  layout: DocumentLayout,
  type?: DocumentType,
  options: ExtractOptions = {},
): ExtractionResult {
  const doc = normaliseLayout(layout);
  return extractFromNormalised(doc, type ?? classifyNormalised(doc).type, options);
}

export interface DocumentAnalysis {
  classification: Classification;
  extraction: ExtractionResult;
}

/** Classifies and extracts in one pass over the layout. */
export function analyzeDocument(layout: DocumentLayout, options: ExtractOptions = {}): DocumentAnalysis {
  const doc = normaliseLayout(layout);
  const classification = classifyNormalised(doc);
  return { classification, extraction: extractFromNormalised(doc, classification.type, options) };
}
