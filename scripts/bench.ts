/**
 * `npm run bench`: every benchmark, one run, figures and ratios printed as a table.
 * Benchmarks measure; they never assert (timings on a shared machine are noisy).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites: { title: string; file: string; run: string }[] = [
  { title: 'HTTP middleware overhead', file: 'apps/server/bench/http.bench.ts', run: 'runHttpBench' },
  { title: 'Tax engine', file: 'packages/tax-engine/bench/assess.bench.ts', run: 'runEngineBench' },
  { title: 'Document reading', file: 'apps/server/bench/documents.bench.ts', run: 'runDocumentsBench' },
];

const only = process.argv.slice(2);
for (const suite of suites) {
  if (only.length && !only.some((word) => suite.title.toLowerCase().includes(word.toLowerCase()))) continue;
  const file = path.join(root, suite.file);
  if (!fs.existsSync(file)) continue;
  console.log(`\n== ${suite.title} (${suite.file})`);
  const module = (await import(pathToFileURL(file).href)) as Record<string, () => Promise<Figure[]>>;
  const started = performance.now();
  const figures = await module[suite.run]!();
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const figure of figures) {
    console.log(`  ${figure.name.padEnd(width)}  ${figure.value.toLocaleString('en-AU')} ${figure.unit}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
