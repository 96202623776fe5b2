// Australian date parsing. Slash, dot and dash dates are always day first (DD/MM/YYYY) unless the
// caller explicitly asks for month-first (some QIF exports); never guessed from the values.

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface DateToken {
  start: number;
  end: number;
  /** ISO yyyy-mm-dd. */
  iso: string;
  /** True when the year was written with two digits. */
  shortYear: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// OCR reads letters in month names as digits ("Ju1y", "0ct", "5ep"): accept those look-alikes.
const MONTH_RE = MONTH_NAMES.replace(
  /[a-z]/g,
  (c) => ({ l: '[l1|I]', o: '[o0O]', s: '[s5S]', i: '[i1l|]', b: '[b8B]' })[c] ?? c,
);

/** Month number from a (possibly OCR-garbled) month name. */
function monthOf(name: string): number {
  const key = name
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/5/g, 's')
    .replace(/8/g, 'b')
    .replace(/[1|]/g, 'l')
    .slice(0, 3);
  return MONTHS[key] ?? 0;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const dim = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][m - 1] as number;
  return d <= dim;
}

export function toIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Two-digit years: 00–69 → 2000s, 70–99 → 1900s. */
export function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

interface Pattern {
  re: RegExp;
  build(
    m: RegExpExecArray,
    order: DateOrder,
  ): { y: number; m: number; d: number; short: boolean } | undefined;
}

const PATTERNS: readonly Pattern[] = [
  // 2024-07-01, 2024/07/01
  {
    re: /(?<![\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/g,
    build: (m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), short: false }),
  },
  // 01/07/2024, 1/7/24, 01-07-2024, 01.07.2024, QIF 1/7'24 and 1/ 7/24
  {
    re: /(?<![\d/.])(?<!\d-)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?(?:[/.-]|')\s?(\d{4}|\d{2})(?![\d])/g,
    build: (m, order) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      const y = expandYear(m[3] as string);
      return order === 'mdy'
        ? { y, m: a, d: b, short: (m[3] as string).length === 2 }
        : { y, m: b, d: a, short: (m[3] as string).length === 2 };
    },
  },
  // 1 Jul 2024, 01-JUL-24, 1st July 2024, 19 Dec 2025
  {
    re: new RegExp(
      `(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?[\\s-]{0,2}(${MONTH_RE})\\.?,?[\\s-]{0,2}(\\d{4}|\\d{2})(?![\\d])`,
      'gi',
    ),
    build: (m) => ({
      y: expandYear(m[3] as string),
      m: monthOf(m[2] as string),
      d: Number(m[1]),
      short: (m[3] as string).length === 2,
    }),
  },
  // July 1, 2024 (month first only with a month name, which is unambiguous)
  {
    re: new RegExp(`(?<![a-z])(${MONTH_RE})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})(?![\\d])`, 'gi'),
    build: (m) => ({ y: Number(m[3]), m: monthOf(m[1] as string), d: Number(m[2]), short: false }),
  },
];

/** Day-first digits separated by single spaces (PAYG summary boxes: "01 07 2024"). */
const SPACED = /(?<![\d])(\d{2}) (\d{2}) (\d{4})(?![\d])/g;
/** Eight digits DDMMYYYY (PAYG summary boxes without separators). */
const PACKED = /(?<![\d])(\d{2})(\d{2})((?:19|20)\d{2})(?![\d])/g;

export interface FindDatesOptions {
  order?: DateOrder;
  /** Also accept "01 07 2024" and "01072024" (form boxes). Off by default: they collide with other numbers. */
  boxed?: boolean;
}

/** Finds dates in text (OCR-fold first if needed); overlapping matches keep the earliest, longest. */
export function findDateTokens(text: string, options: FindDatesOptions = {}): DateToken[] {
  const order = options.order ?? 'dmy';
  const found: DateToken[] = [];
  const patterns: Pattern[] = [...PATTERNS];
  if (options.boxed) {
    patterns.push({
      re: SPACED,
      build: (m) => ({ y: Number(m[3]), m: Number(m[2]), d: Number(m[1]), short: false }),
    });
    patterns.push({
      re: PACKED,
      build: (m) => ({ y: Number(m[3]), m: Number(m[2]), d: Number(m[1]), short: false }),
    });
  }
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const parts = p.build(m, order);
      if (!parts || !isValidYmd(parts.y, parts.m, parts.d)) continue;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        iso: toIso(parts.y, parts.m, parts.d),
        shortYear: parts.short,
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateToken[] = [];
  for (const t of found) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) continue;
    out.push(t);
  }
  return out;
}

/**
 * Parses one date to ISO yyyy-mm-dd, or null. Accepts "01/07/2024", "1/7/24", "1 Jul 2024",
 * "1 July 2024", "2024-07-01", "01-JUL-24", "July 1, 2024". Slash dates are day first unless
 * `order` says otherwise.
 */
export function parseDate(text: string, order: DateOrder = 'dmy'): string | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return null;
  // Timestamps such as "2024-07-01 09:30:00 +10:00" or "20240701120000[+10:EST]": keep the date.
  const ts = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(t);
  if (ts?.[1]) return parseDate(ts[1]);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\d{0,6}(?:\.\d+)?(?:\[.*\])?)?$/.exec(t);
  if (compact) {
    const y = Number(compact[1]);
    const m = Number(compact[2]);
    const d = Number(compact[3]);
    return isValidYmd(y, m, d) ? toIso(y, m, d) : null;
  }
  const tokens = findDateTokens(t, { order });
  const tok = tokens[0];
  if (!tok || tokens.length !== 1) return null;
  if (
    t.slice(0, tok.start).replace(/[\s,]/g, '') !== '' &&
    !/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*$/i.test(t.slice(0, tok.start))
  )
    return null;
  if (t.slice(tok.end).trim() !== '') return null;
  return tok.iso;
}

/** The Australian income year (1 July – 30 June) that contains an ISO date: "2024-25". */
export function incomeYearOf(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const start = m >= 7 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** First and last day of an income year given as "2024-25". */
export function incomeYearBounds(incomeYear: string): { start: string; end: string } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(incomeYear);
  if (!m) return undefined;
  const y = Number(m[1]);
  if ((y + 1) % 100 !== Number(m[2])) return undefined;
  return { start: `${y}-07-01`, end: `${y + 1}-06-30` };
}

export function daysBetweenInclusive(startIso: string, endIso: string): number {
  const ms =
    Date.UTC(Number(endIso.slice(0, 4)), Number(endIso.slice(5, 7)) - 1, Number(endIso.slice(8, 10))) -
    Date.UTC(Number(startIso.slice(0, 4)), Number(startIso.slice(5, 7)) - 1, Number(startIso.slice(8, 10)));
  return Math.round(ms / 86_400_000) + 1;
}
