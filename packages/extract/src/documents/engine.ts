// Label-anchored field extraction. For each field a spec lists the labels that announce it (with
// a strength) and a reader for its value type. A value is looked for (1) on the same line after the
// label, up to the next label, then (2) below the label in the same column (tables and stacked
// forms). Every candidate gets a score = label strength × position × parse quality × OCR
// confidence; candidates are assigned greedily so one piece of text feeds one field.

import type { Region } from '../layout/types';
import { repairOcrName } from '../text/fold';
import { findAbnTokens, isValidAbn } from '../text/ids';
import { findDateTokens } from '../text/dates';
import { findMoneyTokens } from '../text/money';
import type { FieldKey } from './fields';
import { compileLabel, confidenceFor, matchLabel, matchStackedLabel, regionFor } from './norm';
import type { CompiledLabel, LabelHit, LabelSpec, NormDoc, NormLine } from './norm';

export interface Token {
  start: number;
  end: number;
  value: string | number;
  /** 0..1: how cleanly the value parsed. */
  quality: number;
  /** Optional second value (period end) for compound readers. */
  extra?: { start: number; end: number; value: string };
}

/** Reads value tokens of one type from characters [start, end) of a line, in preference order. */
export type Reader = (line: NormLine, start: number, end: number) => Token[];

export interface FieldSpec {
  key: FieldKey;
  labels: CompiledLabel[];
  read: Reader;
  /** Look below the label (same column) when the label's line holds no value. Default true. */
  below?: boolean;
  /** How many lines below to look. Default 4. */
  maxBelow?: number;
}

export function spec(
  key: FieldKey,
  read: Reader,
  labels: readonly (LabelSpec | [string, number])[],
  extra: Partial<Omit<FieldSpec, 'key' | 'read' | 'labels'>> = {},
): FieldSpec {
  return {
    key,
    read,
    labels: labels.map((l) => compileLabel(Array.isArray(l) ? { text: l[0], strength: l[1] } : l)),
    ...extra,
  };
}

export interface Candidate {
  key: FieldKey;
  line: NormLine;
  token: Token;
  score: number;
  /** Human description of how it was found, for debugging and tests. */
  via: string;
  row?: number;
}

// ---------------------------------------------------------------------------------------------
// Per-line token caches
// ---------------------------------------------------------------------------------------------

const maskedCache = new WeakMap<NormLine, string>();

/** The line's scan text with dates and ABNs blanked out, so their digits are never read as money. */
function numericScan(line: NormLine): string {
  let cached = maskedCache.get(line);
  if (cached !== undefined) return cached;
  const chars = line.scan.split('');
  for (const t of findDateTokens(line.scan, { boxed: false }))
    for (let i = t.start; i < t.end; i++) chars[i] = ' ';
  for (const t of findAbnTokens(line.scan)) for (let i = t.start; i < t.end; i++) chars[i] = ' ';
  // masked TFN digits and phone-like runs
  for (let i = 0; i < chars.length; i++) if (chars[i] === '*') chars[i] = ' ';
  cached = chars.join('');
  maskedCache.set(line, cached);
  return cached;
}

const correctedPenalty = (line: NormLine, start: number, end: number): number =>
  line.ocr && line.scan.slice(start, end) !== line.text.slice(start, end) ? 0.9 : 1;

export const readMoney: Reader = (line, start, end) => {
  const tokens = findMoneyTokens(numericScan(line)).filter((t) => t.start >= start && t.end <= end);
  const strong = tokens.filter((t) => t.strong);
  const weak = tokens.filter((t) => !t.strong && t.cents >= 0);
  return [...strong, ...weak].map((t) => ({
    start: t.start,
    end: t.end,
    value: t.cents,
    quality: (t.strong ? 1 : 0.88) * correctedPenalty(line, t.start, t.end),
  }));
};

export function dateReader(boxed: boolean): Reader {
  return (line, start, end) =>
    findDateTokens(line.scan, { boxed })
      .filter((t) => t.start >= start && t.end <= end)
      .map((t) => ({
        start: t.start,
        end: t.end,
        value: t.iso,
        quality: (t.shortYear ? 0.97 : 1) * correctedPenalty(line, t.start, t.end),
      }));
}
export const readDate = dateReader(false);

export const readAbn: Reader = (line, start, end) => {
  const tokens = findAbnTokens(line.scan).map((t) => ({
    ...t,
    quality: correctedPenalty(line, t.start, t.end),
  }));
  if (line.ocr) {
    // OCR: read ABN-shaped groups of digits and look-alikes directly ("41 OS5 151 019", "S1 824 …")
    const re =
      /(?<![\dA-Za-z$])([\dOoIlSB$|]{2}) ?([\dOoIlSB|]{3}) ?([\dOoIlSB|]{3}) ?([\dOoIlSB|]{3})(?![\dA-Za-z])/g;
    for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
      const mapped = m
        .slice(1, 5)
        .join('')
        .replace(/[Oo]/g, '0')
        .replace(/[Il|]/g, '1')
        .replace(/[S$]/g, '5')
        .replace(/B/g, '8');
      if (
        (m[0].match(/\d/g) ?? []).length < 7 ||
        tokens.some((t) => t.start < m.index + m[0].length && t.end > m.index)
      )
        continue;
      tokens.push({
        start: m.index,
        end: m.index + m[0].length,
        digits: mapped,
        valid: isValidAbn(mapped),
        quality: 0.9,
      });
    }
  }
  return tokens
    .filter((t) => t.start >= start && t.end <= end)
    .sort((a, b) => a.start - b.start)
    .map((t) => ({ start: t.start, end: t.end, value: t.digits, quality: t.quality }));
};

export const readInteger: Reader = (line, start, end) => {
  const scan = numericScan(line);
  const out: Token[] = [];
  const re = /(?<![\dA-Za-z.,$])\d{1,6}(?![\dA-Za-z.,%/:])/g;
  for (let m = re.exec(scan); m; m = re.exec(scan)) {
    if (m.index < start || m.index + m[0].length > end) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value: Number(m[0]),
      quality: correctedPenalty(line, m.index, m.index + m[0].length),
    });
  }
  return out;
};

/** A reader for short codes and identifiers matched by a regex on the (OCR-repaired) text. */
export function regexReader(re: RegExp, quality = 1, group = 0): Reader {
  return (line, start, end) => {
    const out: Token[] = [];
    const r = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    const text = line.scan;
    for (let m = r.exec(text); m; m = r.exec(text)) {
      const value = m[group] ?? m[0];
      const s = m.index + m[0].indexOf(value);
      const e = s + value.length;
      if (s >= start && e <= end && !value.includes('*')) out.push({ start: s, end: e, value, quality });
      if (m[0].length === 0) r.lastIndex++;
    }
    return out;
  };
}

/**
 * Reads free text: the cells (runs separated by a wide gap) in the range, trimmed of separators.
 * A cell must hold at least two letters.
 */
export const readText: Reader = (line, start, end) => {
  const out: Token[] = [];
  const re = /\S+(?: \S+)*/g;
  const text = line.text;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = m.index + m[0].length;
    if (e <= start || s >= end) continue;
    s = Math.max(s, start);
    e = Math.min(e, end);
    while (s < e && /[\s:–—|#=-]/.test(text[s] as string)) s++;
    while (e > s && /[\s:,;|–—-]/.test(text[e - 1] as string)) e--;
    const raw = text.slice(s, e);
    if ((raw.match(/[A-Za-z]/g) ?? []).length < 2 || raw.includes('*')) continue;
    const value = line.ocr ? repairOcrName(raw) : raw;
    out.push({ start: s, end: e, value, quality: value === raw ? 0.95 : 0.9 });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Candidate search
// ---------------------------------------------------------------------------------------------

export interface KeyedHit extends LabelHit {
  key: FieldKey;
}

export interface SearchContext {
  doc: NormDoc;
  specs: readonly FieldSpec[];
  /** Label hits of every spec, by line index, sorted by position. */
  hitsByLine: Map<number, KeyedHit[]>;
}

export function buildSearchContext(doc: NormDoc, specs: readonly FieldSpec[]): SearchContext {
  const hitsByLine = new Map<number, KeyedHit[]>();
  const add = (index: number, hit: KeyedHit): void => {
    const list = hitsByLine.get(index);
    if (list) list.push(hit);
    else hitsByLine.set(index, [hit]);
  };
  doc.lines.forEach((line, i) => {
    for (const s of specs)
      for (const label of s.labels)
        for (const h of matchLabel(line, label)) add(line.index, { ...h, key: s.key });
    // table headings that wrap onto the next line
    const next = doc.lines[i + 1];
    if (!next || next.page !== line.page) return;
    const gap = next.box.y - (line.box.y + line.box.h);
    if (gap > Math.max(line.box.h, 0.004) * 1.5) return;
    for (const s of specs) {
      for (const label of s.labels) {
        if (label.parts.length < 2) continue;
        for (const h of matchStackedLabel(line, next, label)) add(next.index, { ...h, key: s.key });
      }
    }
  });
  for (const [index, hits] of hitsByLine) {
    // A label inside a longer label of another field is not a label ("total" in "GST included in
    // total", "date" in "Invoice date" is the same field and stays).
    const kept = hits.filter(
      (h) =>
        !hits.some(
          (o) =>
            o !== h &&
            o.key !== h.key &&
            o.start <= h.start &&
            o.end >= h.end &&
            o.end - o.start > h.end - h.start,
        ),
    );
    kept.sort((a, b) => a.start - b.start || b.end - a.end);
    hitsByLine.set(index, kept);
  }
  return { doc, specs, hitsByLine };
}

/** End of the value segment that follows a hit: the start of the next label on the line. */
function segmentEnd(ctx: SearchContext, hit: KeyedHit): number {
  const hits = ctx.hitsByLine.get(hit.line.index) ?? [];
  let end = hit.line.text.length;
  // labels of the same field do not end the segment ("Franked distributions from trusts 13C $…")
  for (const h of hits)
    if (h.key !== (hit as KeyedHit).key && h.start >= hit.end && h.start < end) end = h.start;
  return end;
}

/** The key whose label segment on this line contains `pos`, if any. */
function ownerAt(ctx: SearchContext, line: NormLine, pos: number): FieldKey | undefined {
  const hits = ctx.hitsByLine.get(line.index) ?? [];
  let owner: KeyedHit | undefined;
  for (const h of hits) if (h.end <= pos && (!owner || h.end > owner.end)) owner = h;
  if (!owner) return undefined;
  return pos < segmentEnd(ctx, owner) ? owner.key : undefined;
}

function overlapX(a: Region, b: Region): number {
  return Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
}

export function candidatesFor(ctx: SearchContext, s: FieldSpec): Candidate[] {
  const out: Candidate[] = [];
  const lines = ctx.doc.lines;
  for (const [lineIndex, hits] of ctx.hitsByLine) {
    for (const hit of hits) {
      if (hit.key !== s.key) continue;
      const line = lines[lineIndex] as NormLine;
      // 1. same line, up to the next label
      const segEnd = segmentEnd(ctx, hit);
      const same = s.read(line, hit.end, segEnd);
      const first = same[0];
      if (first) {
        const score = hit.strength * first.quality * confidenceFor(line, first.start, first.end);
        out.push({ key: s.key, line, token: first, score, via: `"${hit.source}" (same line)` });
        continue;
      }
      // 2. below, in the same column
      if (s.below === false) continue;
      const labelBox = hit.box ?? regionFor(line, hit.start, hit.end);
      const slack = Math.max(labelBox.w * 0.3, line.charW * 2);
      const zone: Region = { ...labelBox, x: labelBox.x - slack, w: labelBox.w + 2 * slack };
      const maxBelow = s.maxBelow ?? 4;
      const lineH = Math.max(line.box.h, 0.004);
      for (let k = lineIndex + 1, seen = 0; k < lines.length && seen < maxBelow; k++) {
        const below = lines[k] as NormLine;
        if (below.page !== line.page) break;
        if (below.box.y < line.box.y + line.box.h * 0.5) continue; // same row (should not happen)
        if (below.box.y - (line.box.y + line.box.h) > lineH * 6) break;
        seen++;
        const tokens = s.read(below, 0, below.text.length).filter((t) => {
          const owner = ownerAt(ctx, below, t.start);
          return (
            (owner === undefined || owner === s.key) && overlapX(regionFor(below, t.start, t.end), zone) > 0
          );
        });
        if (tokens.length > 0) {
          const best = tokens
            .map((t) => ({ t, d: Math.abs(centreX(regionFor(below, t.start, t.end)) - centreX(labelBox)) }))
            .sort((a, b) => a.d - b.d)[0]?.t as Token;
          const pos = Math.max(0.7, 0.92 - 0.04 * (seen - 1));
          const score = hit.strength * pos * best.quality * confidenceFor(below, best.start, best.end);
          out.push({ key: s.key, line: below, token: best, score, via: `"${hit.source}" (below)` });
          break;
        }
        // another label in this column means the column below belongs to it
        const blocked = (ctx.hitsByLine.get(below.index) ?? []).some(
          (h) => overlapX(regionFor(below, h.start, h.end), zone) > 0,
        );
        if (blocked) break;
      }
    }
  }
  return out;
}

const centreX = (r: Region): number => r.x + r.w / 2;

/**
 * Greedy assignment: best-scoring candidates first; one value per key, and one piece of text
 * (line + start offset) per field. Ties go to the earlier line.
 */
export function assign(candidates: readonly Candidate[]): Map<FieldKey, Candidate> {
  const sorted = [...candidates].sort(
    (a, b) => b.score - a.score || a.line.index - b.line.index || a.token.start - b.token.start,
  );
  const chosen = new Map<FieldKey, Candidate>();
  const used = new Set<string>();
  for (const c of sorted) {
    if (chosen.has(c.key)) continue;
    const id = `${c.line.index}:${c.token.start}`;
    if (used.has(id)) continue;
    chosen.set(c.key, c);
    used.add(id);
  }
  return chosen;
}
