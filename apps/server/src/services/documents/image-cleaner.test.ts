import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { scannedImage } from '../../../test/fixtures/documents';
import { cleanImage, estimateSkew, otsuThreshold } from './image-cleaner';

const receipt = [
  'ECHIDNA SALTBUSH HARDWARE PTY LTD',
  'ABN 14 473 351 231',
  'TAX INVOICE',
  'Date: 14/01/2024      Time: 19:20',
  'Item                        Qty       Amount',
  'Hi-vis vest                 3         $192.39',
  'Toner cartridge             2         $64.78',
  'TOTAL                                 $257.17',
  'GST INCLUDED IN TOTAL                 $23.38',
].join('\n');

describe('image clean-up for OCR', () => {
  it('finds the grey level between ink and paper', () => {
    const grey = new Uint8Array(1000).map((_, i) => (i < 60 ? 30 + (i % 10) : 140 + (i % 12)));
    const cut = otsuThreshold(grey);
    expect(cut).toBeGreaterThanOrEqual(39);
    expect(cut).toBeLessThan(140);
  });

  // A photographed receipt's paper comes out of clean-up mid-grey; binarised at a fixed level it
  // counted as ink and the page was never straightened (so "TOTAL" and its amount fell on
  // different lines and the total was lost).
  it.each([1.8, -1.2, 3])('measures a photo turned %s° on grey paper, and straightens it', async (turn) => {
    const photo = await scannedImage(receipt, {
      rotate: turn,
      blur: 0.6,
      ink: 60,
      paper: 215,
      specks: 3,
      format: 'jpeg',
      quality: 72,
      seed: 1,
    });
    const cleaned = await cleanImage(photo, 'image/jpeg');
    expect(Math.abs(cleaned.skew + turn)).toBeLessThanOrEqual(0.3);
    // Straightened, it measures level.
    expect(Math.abs(await estimateSkew(cleaned.png))).toBeLessThanOrEqual(0.3);
  });

  it('leaves a level page alone, and fills a turned page’s corners with its own paper colour', async () => {
    const level = await cleanImage(await scannedImage(receipt, { paper: 215, seed: 2 }), 'image/png');
    expect(level.skew).toBe(0);

    const turned = await cleanImage(
      await scannedImage(receipt, { rotate: 2, paper: 200, seed: 3 }),
      'image/jpeg',
    );
    const { data, info } = await sharp(turned.png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    const middleOfPaper = at(Math.round(info.width * 0.95), Math.round(info.height * 0.5));
    for (const corner of [
      at(1, 1),
      at(info.width - 2, 1),
      at(1, info.height - 2),
      at(info.width - 2, info.height - 2),
    ])
      expect(Math.abs(corner - middleOfPaper)).toBeLessThan(25);
  });
});
