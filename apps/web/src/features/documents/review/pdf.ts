import type * as PdfJsModule from 'pdfjs-dist';

/**
 * pdf.js, loaded only when a PDF is opened (it is large), with its worker served as a separate
 * file by Vite (`?url`), so parsing runs off the main thread.
 */
type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
    .then(([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** pdf.js signals a missing or wrong password with an exception of this name. */
export function isPasswordError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PasswordException'
  );
}
