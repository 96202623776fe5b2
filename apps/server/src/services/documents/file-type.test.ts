import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type';

const bytes = (...values: number[]) => Buffer.from(values);

describe('detectFileType', () => {
  it('knows documents by their magic bytes, whatever the name says', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n...'), 'photo.jpg')).toMatchObject({
      ok: true,
      contentType: 'application/pdf',
    });
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0), 'x.pdf')).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
    });
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'x')).toMatchObject({
      ok: true,
      contentType: 'image/png',
    });
    const heic = Buffer.concat([bytes(0, 0, 0, 0x1c), Buffer.from('ftypheic'), Buffer.alloc(8)]);
    expect(detectFileType(heic, 'IMG_0001.HEIC')).toMatchObject({ ok: true, contentType: 'image/heic' });
    expect(
      detectFileType(Buffer.concat([bytes(0, 0, 0, 0x1c), Buffer.from('ftypmif1'), Buffer.alloc(8)])),
    ).toMatchObject({ ok: true, contentType: 'image/heic' });
  });

  it('sniffs bank exports from their text', () => {
    expect(
      detectFileType(Buffer.from('Date,Description,Amount\n01/07/2024,Coffee,-4.50\n'), 'export.txt'),
    ).toMatchObject({ ok: true, kind: 'bank-file', contentType: 'text/csv' });
    expect(detectFileType(Buffer.from('OFXHEADER:100\nDATA:OFXSGML\n<OFX>'), 'a.ofx')).toMatchObject({
      ok: true,
      format: 'ofx',
    });
    expect(detectFileType(Buffer.from('OFXHEADER:100\nDATA:OFXSGML\n<OFX>'), 'a.qfx')).toMatchObject({
      ok: true,
      format: 'qfx',
    });
    expect(detectFileType(Buffer.from('!Type:Bank\nD01/07/2024\nT-4.50\n^\n'), 'a.qif')).toMatchObject({
      ok: true,
      contentType: 'application/x-qif',
    });
  });

  it('refuses everything else with a reason a person understands', () => {
    const reason = (b: Buffer, name?: string) => {
      const result = detectFileType(b, name);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(reason(Buffer.alloc(0))).toBe('The file is empty.');
    expect(reason(bytes(0x50, 0x4b, 0x03, 0x04, 0), 'statement.pdf')).toMatch(/^This is a ZIP archive/);
    expect(reason(Buffer.from('GIF89a'))).toMatch(/GIF image/);
    expect(reason(bytes(0x4d, 0x5a, 0x90, 0), 'invoice.pdf')).toMatch(/Windows program/);
    expect(reason(Buffer.from('just words, and a comma'), 'scan.pdf')).toMatch(
      /named \.pdf but its content is not a PDF/,
    );
    expect(reason(Buffer.from('{"json": true}'), 'data.csv')).toMatch(/could not tell/);
    expect(reason(Buffer.concat([bytes(0, 0, 0, 0x1c), Buffer.from('ftypavif'), Buffer.alloc(8)]))).toMatch(
      /AVIF/,
    );
  });
});
