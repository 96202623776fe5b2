import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { TaxReturnView } from '@numeri/contracts';
import { toCsvCell } from '@numeri/extract';
import { safeFileName } from '../documents/file-name';
import { recordStatusText } from './records';
import { describeItem } from './return-pdf';

export interface PackDocument {
  id: string;
  originalName: string;
}

export interface RecordsPackInput {
  view: TaxReturnView;
  summaryPdf: Uint8Array;
  /** The stored documents behind the return's figures (each once). */
  documents: readonly PackDocument[];
  /** Reads one document's original file when the zip reaches it, so one file is in memory at a time. */
  readDocument: (id: string) => Promise<Buffer>;
}

/**
 * The records pack: what a person hands the ATO, or a tax agent, when asked to show the records
 * behind a return. A zip of the PDF summary, `records.csv` (one row per item: what the ATO expects
 * for it, whether that is attached, and which files in the pack are its records), every document
 * the return's figures came from, and a README saying what is where.
 *
 * The CSV goes through toCsvCell, so text read from a receipt cannot become a spreadsheet formula.
 */
export function recordsPack(input: RecordsPackInput): Readable {
  const { view } = input;
  const paths = new Map(
    input.documents.map((doc, i) => [
      doc.id,
      `documents/${String(i + 1).padStart(2, '0')}-${safeFileName(doc.originalName)}`,
    ]),
  );
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  // yazl reports a failed lazy read on the ZipFile, not on its output: end the download with it.
  zip.on('error', (err: Error) => output.destroy(err));
  zip.addBuffer(Buffer.from(readme(view)), 'README.txt');
  zip.addBuffer(Buffer.from(input.summaryPdf), `numeri-return-${view.incomeYear}.pdf`);
  zip.addBuffer(Buffer.from(recordsCsv(view, paths)), 'records.csv');
  for (const doc of input.documents) {
    zip.addReadStreamLazy(paths.get(doc.id)!, (callback) => {
      input.readDocument(doc.id).then(
        (bytes) => callback(null, Readable.from([bytes])),
        (err: Error) => callback(err, undefined as never),
      );
    });
  }
  zip.end();
  return output;
}

export function recordsCsv(view: TaxReturnView, paths: ReadonlyMap<string, string>): string {
  const records = new Map(view.records.map((record) => [record.itemId, record]));
  const header = ['Item', 'Record the ATO expects', 'Status', 'Note', 'Files in this pack', 'ATO source'];
  const rows = view.items.map((item) => {
    const record = records.get(item.id);
    const files = [...new Set(item.evidence.map((e) => paths.get(e.documentId)).filter(Boolean))];
    const status = record
      ? recordStatusText(record, item)
      : item.evidence.length
        ? 'From the document'
        : 'Entered by you';
    return [
      describeItem(item),
      record?.expected ?? '',
      status,
      record?.note ?? '',
      files.join('; '),
      record ? [record.source.title, record.source.url].filter(Boolean).join(' ') : '',
    ];
  });
  // A byte-order mark so Excel opens the file as UTF-8 (names with accents, curly quotes).
  return `\uFEFF${[header, ...rows].map((row) => row.map(toCsvCell).join(',')).join('\r\n')}\r\n`;
}

function readme(view: TaxReturnView): string {
  const year = view.incomeYear;
  const missing = view.records.filter((record) => !record.attached).length;
  return [
    `Records for your ${year} tax return, from Numeri`,
    '',
    `numeri-return-${view.incomeYear}.pdf  Your return laid out by ATO question and label.`,
    'records.csv                Each item on the return: what the ATO expects you to keep for it,',
    '                           whether it is attached, and which files below are its records.',
    'documents/                 The documents the return’s figures came from, as you uploaded them.',
    '',
    missing
      ? `${missing} claim${missing === 1 ? ' has' : 's have'} no record attached yet: see records.csv.`
      : 'Every claim has a record attached.',
    'Keep your records for 5 years from the date you lodge (ATO: Records you need to keep).',
    '',
  ].join('\r\n');
}
