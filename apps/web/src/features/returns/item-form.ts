import { returnItemSchema, type ReturnItem } from '@numeri/contracts';
import { sentence } from '../../lib/forms';
import { checkMoney } from './ui/controls';
import { percentToBasisPoints } from './money';
import type { FieldSpec } from './item-specs';

/**
 * The item editor's values: money as the dollar number a MoneyInput reports (NaN while the text
 * is not an amount), text and numbers as typed, booleans as booleans. `buildItem` turns them into
 * a return item and validates it with the contract's own schema, so the browser refuses exactly
 * what the server would.
 */
export type FormValues = Record<string, string | number | boolean | undefined>;

export function formValuesFromItem(fields: readonly FieldSpec[], item: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const raw = item[field.key];
    switch (field.type) {
      case 'money':
        values[field.key] = typeof raw === 'number' ? raw / 100 : undefined;
        break;
      case 'percent':
        values[field.key] = typeof raw === 'number' ? raw / 100 : 100;
        break;
      case 'boolean':
        values[field.key] = raw === true;
        break;
      case 'integer':
      case 'select':
        values[field.key] = raw === undefined || raw === null ? '' : String(raw);
        break;
      default:
        values[field.key] = typeof raw === 'string' ? raw : '';
    }
  }
  return values;
}

export interface BuildResult {
  item: ReturnItem | null;
  errors: Record<string, string>;
}

interface Issue {
  code: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
}

function friendly(label: string, issue: Issue): string {
  // A required value left empty (zod doesn't echo inputs back, so go by the kind of issue).
  if (issue.code === 'invalid_type') return `${label} is needed.`;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
    return `${label} is needed.`;
  return sentence(label, issue.message) ?? `${label} is not valid.`;
}

/** Values → a validated return item (or the message for each field that is wrong). */
export function buildItem(
  fields: readonly FieldSpec[],
  base: Record<string, unknown>,
  values: FormValues,
): BuildResult {
  const errors: Record<string, string> = {};
  const candidate: Record<string, unknown> = { ...base };
  for (const field of fields) {
    const value = values[field.key];
    switch (field.type) {
      case 'money': {
        const required = !field.optional;
        const checked = checkMoney(typeof value === 'number' ? value : undefined, {
          required,
          signed: field.signed,
        });
        if (checked.error) errors[field.key] = checked.error;
        if (checked.cents === undefined) delete candidate[field.key];
        else candidate[field.key] = checked.cents;
        break;
      }
      case 'percent': {
        const n = typeof value === 'number' ? value : Number.NaN;
        const bp = Number.isNaN(n) ? null : percentToBasisPoints(n);
        if (value === undefined) errors[field.key] = `${field.label} is needed.`;
        else if (bp === null || bp < 0 || bp > 10_000)
          errors[field.key] = 'Enter a percentage from 0 to 100.';
        else candidate[field.key] = bp;
        break;
      }
      case 'boolean':
        candidate[field.key] = value === true;
        break;
      case 'integer': {
        const text = String(value ?? '').replace(/[\s,]/g, '');
        if (text === '') delete candidate[field.key];
        else if (!/^\d+$/.test(text)) errors[field.key] = 'Enter a whole number.';
        else candidate[field.key] = Number(text);
        break;
      }
      case 'select': {
        const text = String(value ?? '');
        if (text === '') delete candidate[field.key];
        else candidate[field.key] = field.numeric ? Number(text) : text;
        break;
      }
      case 'date':
      case 'text': {
        const text = String(value ?? '').trim();
        if (text === '' && field.optional) delete candidate[field.key];
        else
          candidate[field.key] =
            field.type === 'text' && field.inputMode === 'numeric' ? text.replace(/\s/g, '') : text;
        break;
      }
    }
  }
  const parsed = returnItemSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = fields.find((f) => f.key === key);
      if (!field || errors[key]) continue;
      errors[key] = friendly(field.label, issue as Issue);
    }
    // A problem with a field this form doesn't show (shouldn't happen): report it on the first field.
    if (Object.keys(errors).length === 0) {
      const first = fields[0];
      if (first) errors[first.key] = parsed.error.issues[0]?.message ?? 'Something here is not valid.';
    }
  }
  if (Object.keys(errors).length > 0) return { item: null, errors };
  return { item: parsed.success ? parsed.data : null, errors };
}
