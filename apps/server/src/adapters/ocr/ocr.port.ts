/**
 * Optical character recognition behind a port: tesseract.js in the API or worker process by
 * default; a cloud OCR service could be added behind the same interface.
 */
export interface OcrWordResult {
  text: string;
  /** Pixel box in the recognised image, origin top-left. */
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** 0..100. */
  confidence: number;
}

export interface OcrResult {
  /** Size of the image the boxes refer to. */
  width: number;
  height: number;
  words: OcrWordResult[];
  /** Mean confidence 0..100 reported by the engine. */
  confidence: number;
}

export interface OcrEngine {
  readonly kind: 'tesseract' | 'fake';
  /** Reads one page image (PNG bytes). Throws OcrUnavailableError on a transient failure. */
  recognize(image: Buffer): Promise<OcrResult>;
  /** Stops the engine's workers; a later call starts them again. */
  close(): Promise<void>;
}

/** The engine failed for a reason that may pass (a crashed or stuck worker): retry later. */
export class OcrUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrUnavailableError';
  }
}
