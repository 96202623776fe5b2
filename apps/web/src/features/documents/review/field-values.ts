import { centsToDollars, dollarsToCents, signedDollars, type ExtractedFieldDto } from '@numeri/contracts';
import { fieldValueText } from '../document-labels';

/**
 * What the person has typed for a field. Money is edited in dollars (MoneyInput) and sent as
 * integer cents; everything else is text until it is sent.
 */
export type FieldDraft = { kind: 'money'; dollars: number | undefined } | { kind: 'text'; text: string };

export type FieldValue = string | number | null;

export function initialDraft(field: Pick<ExtractedFieldDto, 'valueType' | 'value'>): FieldDraft {
  if (field.valueType === 'money') {
    return {
      kind: 'money',
      dollars: typeof field.value === 'number' ? centsToDollars(field.value) : undefined,
    };
  }
  if (field.valueType === 'abn') return { kind: 'text', text: fieldValueText(field) };
  if (field.valueType === 'date') return { kind: 'text', text: isoToDayFirst(String(field.value)) };
  return { kind: 'text', text: String(field.value) };
}

/** `2024-07-01` → `01/07/2024`, the way Australians write dates (a date input would follow the browser's locale). */
export function isoToDayFirst(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** `1/7/2024`, `01-07-2024` or `2024-07-01` → `2024-07-01`; null when it isn't a real date. */
export function parseDayFirst(text: string): string | null {
  const trimmed = text.trim();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The value to send for a draft, or what is wrong with it. An emptied field becomes `null`,
 * which removes it (it isn't on the document after all).
 */
export function draftValue(
  field: Pick<ExtractedFieldDto, 'valueType' | 'label'>,
  draft: FieldDraft,
): { ok: true; value: FieldValue } | { ok: false; error: string } {
  if (draft.kind === 'money') {
    if (draft.dollars === undefined) return { ok: true, value: null };
    if (Number.isNaN(draft.dollars))
      return { ok: false, error: 'Enter an amount in dollars, like 1,234.56.' };
    const checked = signedDollars.safeParse(draft.dollars);
    if (!checked.success) {
      const message = checked.error.issues[0]?.message ?? 'is not a valid amount';
      return { ok: false, error: `The amount ${message}.` };
    }
    return { ok: true, value: dollarsToCents(draft.dollars) };
  }
  const text = draft.text.trim();
  if (text === '') return { ok: true, value: null };
  switch (field.valueType) {
    case 'date': {
      const iso = parseDayFirst(text);
      if (!iso) return { ok: false, error: 'Enter a real date as DD/MM/YYYY, like 01/07/2024.' };
      return { ok: true, value: iso };
    }
    case 'abn': {
      const digits = text.replace(/\s/g, '');
      if (!/^\d{11}$/.test(digits)) return { ok: false, error: 'An ABN has 11 digits.' };
      return { ok: true, value: digits };
    }
    case 'integer': {
      if (!/^-?\d+$/.test(text.replace(/,/g, ''))) return { ok: false, error: 'Enter a whole number.' };
      return { ok: true, value: Number(text.replace(/,/g, '')) };
    }
    default:
      if (text.length > 200) return { ok: false, error: 'Keep it to 200 characters or fewer.' };
      return { ok: true, value: text };
  }
}

/** Whether a value differs from what was read (an ABN typed with spaces is the same ABN). */
export function isChanged(field: Pick<ExtractedFieldDto, 'valueType' | 'value'>, value: FieldValue): boolean {
  if (value === null) return true;
  if (field.valueType === 'abn') return String(field.value).replace(/\s/g, '') !== value;
  if (field.valueType === 'text') return String(field.value).trim() !== value;
  return field.value !== value;
}
