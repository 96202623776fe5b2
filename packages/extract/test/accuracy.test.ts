// Field-level accuracy over the synthetic corpus, clean and OCR-noised, asserted per document type.
// The measured figures are printed so a change that lowers them is visible even above the floor.

import { describe, expect, it } from 'vitest';
import type { DocumentType } from '../src/index';
import { analyzeDocument, classifyDocument, extractFields } from '../src/index';
import { buildCorpus } from './fixtures/documents';
import { cleanLayout, noiseLayout } from './fixtures/noise';
import { accuracy, scoreExtraction } from './fixtures/score';
import type { TypeScore } from './fixtures/score';

const CORPUS = buildCorpus(12);
const FLOOR = { clean: 0.95, noised: 0.85 } as const;
const CLASSIFY_FLOOR = { clean: 0.98, noised: 0.95 } as const;

type Mode = keyof typeof FLOOR;

function layoutFor(mode: Mode, index: number) {
  const f = CORPUS[index];
  if (!f) throw new Error('no fixture');
  return mode === 'clean' ? cleanLayout(f.text) : noiseLayout(cleanLayout(f.text), 777 + index);
}

function measure(mode: Mode): { scores: Map<DocumentType, TypeScore>; classified: number } {
  const scores = new Map<DocumentType, TypeScore>();
  let classified = 0;
  CORPUS.forEach((f, i) => {
    const layout = layoutFor(mode, i);
    if (classifyDocument(layout).type === f.type) classified++;
    scoreExtraction(f, extractFields(layout, f.type), scores);
  });
  return { scores, classified };
}

describe.each(['clean', 'noised'] as const)('corpus accuracy (%s)', (mode) => {
  const { scores, classified } = measure(mode);

  it(`classifies at least ${CLASSIFY_FLOOR[mode] * 100}% of ${CORPUS.length} documents correctly`, () => {
    const rate = classified / CORPUS.length;
    console.log(
      `[extract] ${mode}: classification ${(rate * 100).toFixed(1)}% of ${CORPUS.length} documents`,
    );
    expect(rate).toBeGreaterThanOrEqual(CLASSIFY_FLOOR[mode]);
  });

  const types = [...scores.keys()].filter((t) => t !== 'other');
  it.each(types)(`%s: field accuracy ≥ ${FLOOR[mode]}`, (type) => {
    const s = scores.get(type) as TypeScore;
    const acc = accuracy(s);
    console.log(
      `[extract] ${mode}: ${type.padEnd(25)} ${(acc * 100).toFixed(1)}% (${s.correct}/${s.total} fields)`,
    );
    if (acc < FLOOR[mode]) console.log(s.misses.slice(0, 20));
    expect(s.total).toBeGreaterThan(40);
    expect(acc).toBeGreaterThanOrEqual(FLOOR[mode]);
  });
});

describe('a TFN on a document never comes back out', () => {
  const withTfn = CORPUS.map((f, i) => [f, i] as const).filter(([f]) => f.tfn);

  it.each(['clean', 'noised'] as const)('%s: no field, raw text, warning or reason holds the TFN', (mode) => {
    expect(withTfn.length).toBeGreaterThan(20);
    for (const [f, i] of withTfn) {
      const tfn = f.tfn as string;
      const out = JSON.stringify(analyzeDocument(layoutFor(mode, i)));
      const digitsOnly = out.replace(/\D/g, '');
      // not as printed, not grouped differently, not as a run of digits anywhere in the output
      expect(out).not.toContain(`${tfn.slice(0, 3)} ${tfn.slice(3, 6)} ${tfn.slice(6)}`);
      expect(digitsOnly).not.toContain(tfn);
      expect(out).toContain('tax file number');
    }
  });
});

describe('confidence reflects the source', () => {
  it('OCR-noised documents get lower confidence than the same clean documents', () => {
    let clean = 0;
    let noised = 0;
    let n = 0;
    CORPUS.forEach((f, i) => {
      if (f.type === 'other') return;
      const a = extractFields(layoutFor('clean', i), f.type).fields;
      const b = extractFields(layoutFor('noised', i), f.type).fields;
      for (const fa of a) {
        const fb = b.find((x) => x.key === fa.key && x.row === fa.row);
        if (!fb) continue;
        clean += fa.confidence;
        noised += fb.confidence;
        n++;
      }
    });
    console.log(
      `[extract] mean field confidence: clean ${(clean / n).toFixed(3)}, noised ${(noised / n).toFixed(3)} over ${n} fields`,
    );
    expect(noised / n).toBeLessThan(clean / n - 0.1);
  });
});
