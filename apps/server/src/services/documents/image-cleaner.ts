import { createRequire } from 'node:module';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

/** Largest image (in pixels) Numeri decodes: a 48-megapixel phone photo fits; a decompression bomb does not. */
export const MAX_INPUT_PIXELS = 60_000_000;
/** Long edge of the page image handed to OCR: an A4 page at ~300 dpi. */
const TARGET_LONG_EDGE = 3_508;
/** Below this, small scans and phone crops are enlarged (tesseract wants text ~20+ px high); larger images are read as they are (enlarging doubles OCR time for no gain). */
const UPSCALE_BELOW = 1_200;
const UPSCALE_TO = 1_800;

/** The image cannot be read (damaged, too large, not an image): retrying will not help. */
export class ImageRejectedError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'ImageRejectedError';
  }
}

interface HeicImage {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
type HeicDecodeAll = (input: { buffer: Uint8Array }) => Promise<HeicImage[] & { dispose(): void }>;

/**
 * HEIC/HEIF (iPhone photos). sharp's prebuilt libvips has no HEVC decoder (patents), so HEIC
 * is decoded by libheif compiled to WebAssembly (heic-decode). Dimensions are checked before any
 * pixel is decoded.
 */
async function decodeHeic(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const decodeAll = (require('heic-decode') as { all: HeicDecodeAll }).all;
  let images: Awaited<ReturnType<HeicDecodeAll>>;
  try {
    images = await decodeAll({ buffer: bytes });
  } catch (err) {
    throw new ImageRejectedError(
      'This HEIC photo could not be read. It may be damaged; try exporting it as JPEG.',
      { cause: err },
    );
  }
  try {
    const first = images[0];
    if (!first) throw new ImageRejectedError('This HEIC file holds no image.');
    if (first.width * first.height > MAX_INPUT_PIXELS) throw tooLarge(first.width, first.height);
    const decoded = await first.decode();
    return {
      data: Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength),
      width: decoded.width,
      height: decoded.height,
    };
  } finally {
    images.dispose();
  }
}

function tooLarge(width: number, height: number): ImageRejectedError {
  return new ImageRejectedError(
    `This image is ${width} × ${height} pixels, larger than Numeri reads (${Math.round(MAX_INPUT_PIXELS / 1e6)} megapixels). Take the photo at a lower resolution or crop it.`,
  );
}

/** Otsu's threshold: the grey level that best separates ink from paper in a histogram. */
export function otsuThreshold(grey: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const value of grey) histogram[value]! += 1;
  const total = grey.length;
  let sumAll = 0;
  for (let level = 0; level < 256; level += 1) sumAll += level * histogram[level]!;
  let sumBelow = 0;
  let countBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let level = 0; level < 256; level += 1) {
    countBelow += histogram[level]!;
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += level * histogram[level]!;
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const variance = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = level;
    }
  }
  return best;
}

/**
 * Estimates how far text lines lean (degrees, within ±4°) by projection profiles: on a small
 * binarised copy, the rotation that makes the row sums most uneven lines the text up with the rows.
 * The copy is binarised at Otsu's threshold for this image: a cleaned photo's paper can be any
 * grey, and counted as ink it drowned the text, so photographed pages were never straightened.
 */
export async function estimateSkew(png: Buffer): Promise<number> {
  const small = await sharp(png)
    .resize({ width: 700, withoutEnlargement: true })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey =
    small.info.channels === 1
      ? small.data
      : Uint8Array.from(
          { length: small.info.width * small.info.height },
          (_, i) => small.data[i * small.info.channels]!,
        );
  const cut = otsuThreshold(grey);
  // Ink is 255 and paper 0, so the black corners a rotation adds count as paper.
  const data = Buffer.from(grey.map((value) => (value <= cut ? 255 : 0)));
  const info = { width: small.info.width, height: small.info.height, channels: 1 as const };
  const score = async (angle: number) => {
    const rotated = await sharp(data, {
      raw: { width: info.width, height: info.height, channels: info.channels },
    })
      .rotate(angle, { background: { r: 0, g: 0, b: 0 } })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = rotated.info;
    let previous = 0;
    let total = 0;
    for (let y = 0; y < height; y += 1) {
      let sum = 0;
      for (let x = 0; x < width; x += 1) sum += rotated.data[(y * width + x) * channels]!;
      total += (sum - previous) ** 2;
      previous = sum;
    }
    return total;
  };
  let best = 0;
  let bestScore = await score(0);
  const consider = async (angle: number) => {
    const value = await score(angle);
    if (value > bestScore * 1.02) {
      best = angle;
      bestScore = value;
    }
  };
  // Coarse half-degree steps, then a quarter degree either side of the best.
  for (let angle = -4; angle <= 4.001; angle += 0.5) if (Math.abs(angle) > 0.01) await consider(angle);
  const coarse = best;
  for (const angle of [coarse - 0.25, coarse + 0.25])
    if (Math.abs(angle) > 0.01 && Math.abs(angle) <= 4) await consider(angle);
  return best;
}

export interface CleanedImage {
  png: Buffer;
  width: number;
  height: number;
  /** Degrees the page was turned to straighten its lines. */
  skew: number;
}

/**
 * Prepares a photo or scan for OCR: turned upright from its EXIF orientation, flattened onto
 * white, grey, scaled so the page is about 300 dpi, contrast stretched (faded or low-contrast
 * scans), lightly sharpened (soft phone photos) and deskewed (estimateSkew). The OCR engine's own
 * rotateAuto is not used: it rotates onto black and lost whole pages in our tests.
 * `rendered` pages (from a PDF) are already upright and at the right size.
 */
export async function cleanImage(
  bytes: Buffer,
  contentType: string,
  options: { rendered?: boolean } = {},
): Promise<CleanedImage> {
  let input: ReturnType<typeof sharp>;
  if (contentType === 'image/heic') {
    const raw = await decodeHeic(bytes);
    input = sharp(raw.data, {
      raw: { width: raw.width, height: raw.height, channels: 4 },
      limitInputPixels: MAX_INPUT_PIXELS,
    });
  } else {
    input = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', sequentialRead: true });
  }
  try {
    const meta = await input.metadata();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const height = meta.autoOrient?.height ?? meta.height ?? 0;
    if (!width || !height) throw new ImageRejectedError('This image could not be read.');
    if (width * height > MAX_INPUT_PIXELS) throw tooLarge(width, height);
    const long = Math.max(width, height);
    let pipeline = input.rotate().flatten({ background: '#ffffff' }).greyscale();
    if (!options.rendered) {
      const scale =
        long > TARGET_LONG_EDGE
          ? TARGET_LONG_EDGE / long
          : long < UPSCALE_BELOW
            ? Math.min(2, UPSCALE_TO / long)
            : 1;
      if (scale !== 1)
        pipeline = pipeline.resize(Math.round(width * scale), Math.round(height * scale), {
          kernel: 'lanczos3',
          fit: 'fill',
        });
      pipeline = pipeline.normalise({ lower: 1, upper: 99 }).sharpen({ sigma: 0.8 });
    } else {
      pipeline = pipeline.normalise();
    }
    const { data, info } = await pipeline.png({ compressionLevel: 2 }).toBuffer({ resolveWithObject: true });
    // Deskew: a page photographed or scanned a degree or two off is turned straight (on white).
    const skew = await estimateSkew(data);
    if (skew !== 0) {
      // The corners the turn uncovers are filled with the page's own grey (about its mean): white
      // wedges against a grey photographed page read to tesseract as the page's edge, and it lost
      // the text inside.
      const { channels } = await sharp(data).stats();
      const paper = Math.round(channels[0]?.mean ?? 255);
      const straight = await sharp(data)
        .rotate(skew, { background: { r: paper, g: paper, b: paper } })
        .png({ compressionLevel: 2 })
        .toBuffer({ resolveWithObject: true });
      return { png: straight.data, width: straight.info.width, height: straight.info.height, skew };
    }
    return { png: data, width: info.width, height: info.height, skew: 0 };
  } catch (err) {
    if (err instanceof ImageRejectedError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message))
      throw new ImageRejectedError(
        'This image is larger than Numeri reads. Take the photo at a lower resolution or crop it.',
        { cause: err },
      );
    throw new ImageRejectedError(
      'This image could not be read. It may be damaged or incomplete; try taking the photo again.',
      { cause: err },
    );
  }
}
