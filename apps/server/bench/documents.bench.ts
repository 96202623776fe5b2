import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { analyzeDocument, layoutFromOcrWords, layoutFromTextItems } from '@numeri/extract';
import pino from 'pino';
import { TesseractOcrEngine } from '../src/adapters/ocr/ocr.tesseract';
import { cleanImage } from '../src/services/documents/image-cleaner';
import { openPdf } from '../src/services/documents/pdf-reader';
import { buildCorpus, scannedImage, textLayerPdf } from '../test/fixtures/documents';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

const run = promisify(execFile);
const TESSERACT_CLI = '/usr/bin/tesseract';

/**
 * Document reading throughput on this machine: PDFs with a text layer (pdfjs → layout →
 * classification and fields) and scanned photos (sharp clean-up → tesseract.js → fields), peak
 * memory, and where Debian's tesseract is installed, Numeri's OCR time over the native CLI's on the
 * same cleaned images (OMP_THREAD_LIMIT=1, so both use one core). About a minute in all.
 */
export async function runDocumentsBench(): Promise<BenchFigure[]> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  const figures: BenchFigure[] = [];
  try {
    // Text-layer PDFs: 3 pages each (the corpus text, repeated as further pages).
    const corpus = buildCorpus(3, 4711).filter((f) => f.type !== 'other');
    const pdfs = await Promise.all(corpus.map((f) => textLayerPdf([f.text, f.text, f.text].join('\f'))));
    let pages = 0;
    const textStarted = performance.now();
    for (const pdf of pdfs) {
      const reader = await openPdf(pdf);
      const items = [];
      for (let n = 1; n <= reader.pageCount; n += 1) items.push((await reader.textPage(n)).page);
      await reader.close();
      analyzeDocument(layoutFromTextItems(items));
      pages += reader.pageCount;
    }
    const textSeconds = (performance.now() - textStarted) / 1000;
    figures.push({
      name: `text-layer PDF pages per minute (${pages} pages, ${pdfs.length} PDFs)`,
      value: Math.round((pages / textSeconds) * 60),
      unit: 'pages/min',
    });

    // Scanned photos through OCR (one worker, already started: start-up is reported apart).
    const seen = new Set<string>();
    const scans = buildCorpus(1, 99)
      .filter((f) => f.type !== 'other' && !seen.has(f.type) && seen.add(f.type))
      .slice(0, 6);
    const images = await Promise.all(
      scans.map((f, i) =>
        scannedImage(f.text, {
          rotate: i % 2 ? -1.5 : 1.2,
          blur: 0.6,
          ink: 60,
          paper: 215,
          specks: 3,
          format: 'jpeg',
          quality: 72,
          seed: i,
        }),
      ),
    );
    const ocr = new TesseractOcrEngine({ workers: 1, log: pino({ level: 'silent' }) });
    const warm = performance.now();
    await ocr.recognize((await cleanImage(images[0]!, 'image/jpeg')).png);
    figures.push({
      name: 'OCR worker start-up and first page',
      value: Math.round(performance.now() - warm),
      unit: 'ms',
    });
    const cleaned: Buffer[] = [];
    let recognizeMs = 0;
    const ocrStarted = performance.now();
    for (const image of images) {
      const page = await cleanImage(image, 'image/jpeg');
      cleaned.push(page.png);
      const t = performance.now();
      const result = await ocr.recognize(page.png);
      recognizeMs += performance.now() - t;
      analyzeDocument(
        layoutFromOcrWords([{ page: 1, width: result.width, height: result.height, words: result.words }]),
      );
    }
    const ocrSeconds = (performance.now() - ocrStarted) / 1000;
    await ocr.close();
    figures.push({
      name: `OCR image pages per minute (${images.length} photos, clean-up + OCR + fields)`,
      value: Math.round((images.length / ocrSeconds) * 60 * 10) / 10,
      unit: 'pages/min',
    });

    if (
      await fs.access(TESSERACT_CLI).then(
        () => true,
        () => false,
      )
    ) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-ocr-bench-'));
      try {
        let cliMs = 0;
        for (const [i, png] of cleaned.entries()) {
          const file = path.join(dir, `page-${i}.png`);
          await fs.writeFile(file, png);
          const t = performance.now();
          await run(TESSERACT_CLI, [file, 'stdout', '-l', 'eng', '--psm', '3'], {
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            maxBuffer: 10 * 1024 * 1024,
          });
          cliMs += performance.now() - t;
        }
        figures.push({
          name: 'tesseract CLI (Debian, OMP_THREAD_LIMIT=1) ms per page',
          value: Math.round(cliMs / cleaned.length),
          unit: 'ms',
        });
        figures.push({
          name: 'tesseract.js ms per page (recognition only)',
          value: Math.round(recognizeMs / cleaned.length),
          unit: 'ms',
        });
        figures.push({
          name: 'Numeri OCR time ÷ native CLI time (same images)',
          value: Math.round((recognizeMs / cliMs) * 100) / 100,
          unit: '×',
        });
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    } else {
      figures.push({
        name: 'tesseract.js ms per page (recognition only; no /usr/bin/tesseract to compare)',
        value: Math.round(recognizeMs / cleaned.length),
        unit: 'ms',
      });
    }
  } finally {
    clearInterval(sampler);
  }
  figures.push({ name: 'peak resident memory', value: Math.round(peakRss / (1024 * 1024)), unit: 'MB' });
  return figures;
}
