import { parentPort } from 'node:worker_threads';
import { openPdfWithPdfjs, type PdfJs } from './pdf-reader.pdfjs';
import { PdfPasswordError, PdfRejectedError, type PdfReader } from './pdf-reader.types';

// A PDF reader thread: reads one PDF at a time with pdfjs, answering the host's requests
// (pdf-reader.ts). The host reuses an idle thread for the next PDF, and ends a thread whose step
// runs too long or whose heap outgrows its limit.

export type ThreadRequest =
  | { id: number; op: 'open'; bytes: Uint8Array; password?: string; maxPages?: number }
  | { id: number; op: 'text' | 'render'; page: number }
  | { id: number; op: 'close' };

export type ThreadError =
  | { kind: 'password'; incorrect: boolean }
  | { kind: 'rejected'; reason: string }
  | { kind: 'bug'; message: string };

export type ThreadResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ThreadError };

function errorOf(err: unknown): ThreadError {
  if (err instanceof PdfPasswordError) return { kind: 'password', incorrect: err.incorrect };
  if (err instanceof PdfRejectedError) return { kind: 'rejected', reason: err.reason };
  return { kind: 'bug', message: err instanceof Error ? err.message : String(err) };
}

/** Called by pdf-reader.thread-boot.mjs with pdfjs, which it loads natively (fast); says "started" as message 0. */
export function serve(lib: PdfJs): void {
  if (!parentPort) throw new Error('pdf-reader.thread runs only as a worker thread');
  const port = parentPort;
  let current: PdfReader | undefined;

  const closeCurrent = async () => {
    const reader = current;
    current = undefined;
    await reader?.close();
  };
  const need = (): PdfReader => {
    if (!current) throw new Error('no PDF is open in this thread');
    return current;
  };

  // The host sends one request at a time and waits for its answer.
  port.on('message', (request: ThreadRequest) => {
    void (async () => {
      try {
        switch (request.op) {
          case 'open': {
            await closeCurrent();
            current = await openPdfWithPdfjs(lib, request.bytes, {
              ...(request.password !== undefined ? { password: request.password } : {}),
              ...(request.maxPages !== undefined ? { maxPages: request.maxPages } : {}),
            });
            port.postMessage({ id: request.id, ok: true, value: current.pageCount } satisfies ThreadResponse);
            return;
          }
          case 'text': {
            const value = await need().textPage(request.page);
            port.postMessage({ id: request.id, ok: true, value } satisfies ThreadResponse);
            return;
          }
          case 'render': {
            // Copied into a buffer of its own so it is moved, not cloned, to the host.
            const png = new Uint8Array(await need().renderPage(request.page));
            port.postMessage({ id: request.id, ok: true, value: png } satisfies ThreadResponse, [png.buffer]);
            return;
          }
          case 'close': {
            await closeCurrent();
            port.postMessage({ id: request.id, ok: true, value: null } satisfies ThreadResponse);
            return;
          }
        }
      } catch (err) {
        port.postMessage({ id: request.id, ok: false, error: errorOf(err) } satisfies ThreadResponse);
      }
    })();
  });
  port.postMessage({ id: 0, ok: true, value: null } satisfies ThreadResponse);
}
