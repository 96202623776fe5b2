import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OcrUnavailableError, type OcrEngine, type OcrResult, type OcrWordResult } from './ocr.port';

const require = createRequire(import.meta.url);

/**
 * The English LSTM model shipped in the @tesseract.js-data/eng npm package (no download at run
 * time: without a local langPath tesseract.js fetches from a CDN, and fails offline).
 */
export function englishLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47) throw new Error('OCR input must be a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Slot {
  worker: Promise<Worker> | undefined;
  busy: boolean;
  /** Rejects the recognition in flight when the worker thread dies. */
  onCrash: ((err: Error) => void) | undefined;
}

export interface TesseractOptions {
  /** Worker threads (each holds ~100 MB and uses one core while reading). */
  workers: number;
  log: Logger;
  /** A page taking longer than this is abandoned and its worker replaced. */
  pageTimeoutMs?: number;
}

/**
 * tesseract.js behind the OcrEngine port. Workers start lazily on the first page and are reused
 * across jobs; a worker that crashes, errors or hangs is terminated and replaced on the next page,
 * and the page fails with OcrUnavailableError so the job retries with back-off.
 */
export class TesseractOcrEngine implements OcrEngine {
  readonly kind = 'tesseract' as const;
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];
  private readonly langPath = englishLangPath();

  constructor(private readonly options: TesseractOptions) {
    this.slots = Array.from({ length: Math.max(1, options.workers) }, () => ({
      worker: undefined,
      busy: false,
      onCrash: undefined,
    }));
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((slot) => !slot.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    slot.onCrash = undefined;
    this.waiting.shift()?.();
  }

  private start(slot: Slot): Promise<Worker> {
    slot.worker ??= createWorker('eng', OEM.LSTM_ONLY, {
      langPath: this.langPath,
      gzip: true,
      // Otherwise tesseract.js caches eng.traineddata in the working directory.
      cacheMethod: 'none',
      // Without an errorHandler tesseract.js throws inside its message handler and the process dies.
      errorHandler: (err: unknown) =>
        this.options.log.warn({ err: String(err).slice(0, 300) }, 'OCR worker reported an error'),
    }).then(
      (worker) => {
        const thread = (worker as unknown as { worker?: ThreadWorker }).worker;
        thread?.once('exit', (code) => {
          slot.worker = undefined;
          slot.onCrash?.(new OcrUnavailableError(`The OCR worker stopped unexpectedly (exit code ${code})`));
        });
        return worker;
      },
      (err: unknown) => {
        slot.worker = undefined;
        throw new OcrUnavailableError('The OCR engine could not start', { cause: err });
      },
    );
    return slot.worker;
  }

  private async discard(slot: Slot): Promise<void> {
    const pending = slot.worker;
    slot.worker = undefined;
    if (!pending) return;
    try {
      await (await pending).terminate();
    } catch {
      // already gone
    }
  }

  async recognize(image: Buffer): Promise<OcrResult> {
    const { width, height } = pngSize(image);
    const slot = await this.acquire();
    let timer: NodeJS.Timeout | undefined;
    try {
      const worker = await this.start(slot);
      const failure = new Promise<never>((_, reject) => {
        slot.onCrash = reject;
        timer = setTimeout(
          () => reject(new OcrUnavailableError('Reading the page took too long')),
          this.options.pageTimeoutMs ?? 120_000,
        );
      });
      const { data } = await Promise.race([
        worker.recognize(image, {}, { blocks: true, text: false }),
        failure,
      ]);
      const words: OcrWordResult[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) {
              if (word.text.trim())
                words.push({ text: word.text, bbox: { ...word.bbox }, confidence: word.confidence });
            }
          }
        }
      }
      return { width, height, words, confidence: data.confidence };
    } catch (err) {
      await this.discard(slot);
      throw err instanceof OcrUnavailableError
        ? err
        : new OcrUnavailableError('The OCR engine failed on this page', { cause: err });
    } finally {
      clearTimeout(timer);
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.discard(slot)));
  }
}
