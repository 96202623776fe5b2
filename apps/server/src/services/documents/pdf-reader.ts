import { Worker } from 'node:worker_threads';
import type { ThreadError, ThreadRequest, ThreadResponse } from './pdf-reader.thread';
import { PdfPasswordError, PdfRejectedError, type PdfPageText, type PdfReader } from './pdf-reader.types';

export {
  MAX_PDF_PAGES,
  MIN_TEXT_LAYER_CHARS,
  PdfPasswordError,
  PdfRejectedError,
  type PdfPageText,
  type PdfReader,
} from './pdf-reader.types';

/** Any one step (opening, reading a page's text, drawing a page) taking longer is abandoned. */
const STEP_TIMEOUT_MS = 60_000;
/**
 * Heap for a thread reading one PDF. A statement or a scanned page needs under 50 MB (measured:
 * a 300 dpi scan drawn for OCR reads in 48 MB, not in 32); past this the PDF is refused, and the
 * API pod's 768 MiB limit (deploy/k8s) still holds the API with a thread at its limit.
 */
const MAX_THREAD_HEAP_MB = 256;
/** An idle thread is kept this long for the next PDF (starting one takes most of a second). */
const IDLE_THREAD_MS = 30_000;
/** Starting a thread (loading pdfjs) takes well under a second; this long means something is wrong. */
const THREAD_START_TIMEOUT_MS = 20_000;

const THREAD_BOOT = new URL('./pdf-reader.thread-boot.mjs', import.meta.url);

export interface OpenPdfOptions {
  /** Used once, inside the thread, and never stored. */
  password?: string;
  maxPages?: number;
  stepTimeoutMs?: number;
  maxHeapMb?: number;
}

type Request = ThreadRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function errorFrom(error: ThreadError): Error {
  switch (error.kind) {
    case 'password':
      return new PdfPasswordError(error.incorrect);
    case 'rejected':
      return new PdfRejectedError(error.reason);
    case 'bug':
      // Not the file's fault: a plain error, so a job retries and the cause is logged.
      return new Error(`PDF reader failed: ${error.message}`);
  }
}

/** One worker thread running pdf-reader.thread.ts, asked one thing at a time. */
class PdfThread {
  private readonly worker: Worker;
  private waiting: { resolve(value: unknown): void; reject(err: Error): void; id: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private endedBy: Error | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Settles when the thread has loaded pdfjs and listens (its message 0). */
  readonly started: Promise<void>;

  constructor(readonly maxHeapMb: number) {
    this.started = new Promise<void>((resolve, reject) => {
      this.waiting = { id: 0, resolve: () => resolve(), reject };
      this.timer = setTimeout(
        () => this.end(new Error('PDF reader thread did not start')),
        THREAD_START_TIMEOUT_MS,
      );
    });
    this.worker = new Worker(THREAD_BOOT, {
      // Not the parent's flags (tsx hooks, tracing): the boot file loads what the thread needs.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      // pdfjs warnings about odd files are noise, not logs.
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.on('message', (response: ThreadResponse) => {
      const waiting = this.waiting;
      if (!waiting || waiting.id !== response.id) return;
      this.settle();
      if (response.ok) waiting.resolve(response.value);
      else waiting.reject(errorFrom(response.error));
    });
    this.worker.on('error', (err: Error & { code?: string }) => {
      this.end(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new PdfRejectedError(
              'This PDF needs more memory to read than Numeri allows. It may be damaged or unusually complex.',
              { cause: err },
            )
          : new Error(`PDF reader thread failed: ${err.message}`, { cause: err }),
      );
    });
    this.worker.on('exit', () => this.end(new Error('PDF reader thread ended')));
  }

  get alive(): boolean {
    return this.endedBy === undefined;
  }

  ask<T>(request: Request, what: string, timeoutMs: number, transfer: ArrayBuffer[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.endedBy) return reject(this.endedBy);
      if (this.waiting) return reject(new Error('PDF reader thread is busy'));
      const id = this.nextId++;
      this.waiting = { id, resolve: resolve as (value: unknown) => void, reject };
      // Past the time limit the thread is ended: only that stops pdfjs mid-parse.
      this.timer = setTimeout(
        () =>
          this.end(
            new PdfRejectedError(
              `Reading this PDF took too long (${what}). It may be damaged or unusually complex.`,
            ),
          ),
        timeoutMs,
      );
      this.worker.postMessage({ ...request, id } as ThreadRequest, transfer);
    });
  }

  private settle(): void {
    clearTimeout(this.timer);
    this.waiting = undefined;
  }

  end(reason: Error): void {
    this.endedBy ??= reason;
    clearTimeout(this.idleTimer);
    const waiting = this.waiting;
    this.settle();
    waiting?.reject(reason);
    void this.worker.terminate();
  }

  /** Waits for the next PDF without keeping the process alive; ends itself if none comes. */
  rest(onEnd: () => void): void {
    this.worker.unref();
    this.idleTimer = setTimeout(() => {
      onEnd();
      this.end(new Error('PDF reader thread idle'));
    }, IDLE_THREAD_MS);
    this.idleTimer.unref();
  }

  wake(): void {
    clearTimeout(this.idleTimer);
    this.worker.ref();
  }
}

const idle: PdfThread[] = [];

function takeThread(maxHeapMb: number): PdfThread {
  for (let thread = idle.pop(); thread; thread = idle.pop()) {
    if (thread.alive && thread.maxHeapMb === maxHeapMb) {
      thread.wake();
      return thread;
    }
    thread.end(new Error('PDF reader thread not reused'));
  }
  return new PdfThread(maxHeapMb);
}

function releaseThread(thread: PdfThread): void {
  if (!thread.alive) return;
  idle.push(thread);
  thread.rest(() => {
    const at = idle.indexOf(thread);
    if (at >= 0) idle.splice(at, 1);
  });
}

/**
 * Opens a PDF in a worker thread, so that pdfjs — which parses and draws synchronously — never
 * blocks the API's event loop, and a hostile PDF can be stopped: a step that runs past its time
 * limit, or a heap that outgrows its limit, ends the thread and the PDF is refused with a plain
 * reason. A thread reads one PDF at a time; a healthy one is reused for the next.
 */
export async function openPdf(bytes: Buffer, options: OpenPdfOptions = {}): Promise<PdfReader> {
  const stepTimeoutMs = options.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  const thread = takeThread(options.maxHeapMb ?? MAX_THREAD_HEAP_MB);
  await thread.started;
  // A copy the thread owns outright (the caller's buffer may be a slice of a shared pool).
  const owned = new Uint8Array(bytes);
  let pageCount: number;
  try {
    pageCount = await thread.ask<number>(
      {
        op: 'open',
        bytes: owned,
        ...(options.password !== undefined ? { password: options.password } : {}),
        ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
      },
      'opening it',
      stepTimeoutMs,
      [owned.buffer],
    );
  } catch (err) {
    if (err instanceof PdfPasswordError || err instanceof PdfRejectedError) releaseThread(thread);
    else thread.end(err as Error);
    throw err;
  }

  let closed = false;
  return {
    pageCount,
    textPage: (n) => thread.ask<PdfPageText>({ op: 'text', page: n }, `text of page ${n}`, stepTimeoutMs),
    renderPage: async (n) => {
      const png = await thread.ask<Uint8Array>({ op: 'render', page: n }, `drawing page ${n}`, stepTimeoutMs);
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await thread.ask({ op: 'close' }, 'closing it', stepTimeoutMs);
        releaseThread(thread);
      } catch {
        thread.end(new Error('PDF reader thread not closed cleanly'));
      }
    },
  };
}
