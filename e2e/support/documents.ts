import { PDFDocument, StandardFonts } from 'pdf-lib';
// The layouts follow packages/extract's synthetic corpus (the myGov income statement and a POS
// tax invoice), written with its own column and money helpers, but with fixed figures so each
// test knows exactly what the return should come to.
import { cols, money, spacedAbn } from '../../packages/extract/test/fixtures/random';
import { encryptPdf } from '../../apps/server/test/fixtures/encrypted-pdf';

/** A file as Playwright's `setInputFiles` takes it. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A one-page PDF with a real text layer (Courier keeps the columns aligned), as a bank or myGov export has. */
export async function textLayerPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  const lines = text.split('\n');
  const longest = Math.max(20, ...lines.map((line) => line.length));
  const size = Math.min(10, 535 / (longest * 0.6));
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => {
    if (line.trim()) page.drawText(line, { x: 30, y: 800 - i * size * 1.6, size, font });
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The ATO's published example ABN (valid check digits). */
const EXAMPLE_ABN = '51824753556';

export interface IncomeStatement {
  employer: string;
  payee: string;
  grossCents: number;
  withheldCents: number;
}

/** A myGov income statement for 2025-26 (1 July 2025 – 30 June 2026), as its PDF export reads. */
export async function incomeStatementPdf(statement: IncomeStatement, name: string): Promise<UploadFile> {
  const text = [
    'Income statement',
    cols([
      [0, 'Income year 2025-26'],
      [54, 'Status: Tax ready'],
    ]),
    cols([
      [0, `Employer: ${statement.employer}`],
      [54, `ABN: ${spacedAbn(EXAMPLE_ABN)}`],
    ]),
    'Period: 01/07/2025 - 30/06/2026',
    cols([
      [0, `Payee: ${statement.payee}`],
      // A valid TFN (check digits pass): Numeri must mask it, never read it.
      [54, 'TFN: 123 456 782'],
    ]),
    'Income type: Salary and wages',
    '',
    cols([
      [0, 'Gross payments'],
      [54, money(statement.grossCents)],
    ]),
    cols([
      [0, 'Tax withheld'],
      [54, money(statement.withheldCents)],
    ]),
    cols([
      [0, 'Total allowances'],
      [54, money(0)],
    ]),
    cols([
      [0, 'Reportable fringe benefits amount'],
      [54, money(0)],
    ]),
    cols([
      [0, 'Reportable employer superannuation contributions'],
      [54, money(0)],
    ]),
    '',
    'Your employer reported this information through Single Touch Payroll.',
  ].join('\n');
  return { name, mimeType: 'application/pdf', buffer: await textLayerPdf(text) };
}

export interface Receipt {
  supplier: string;
  item: string;
  /** An ISO date. */
  date: string;
  totalCents: number;
}

/** A shop's tax invoice (POS receipt) saved as PDF. */
export async function receiptPdf(receipt: Receipt, name: string): Promise<UploadFile> {
  const [y, m, d] = receipt.date.split('-');
  const text = [
    receipt.supplier,
    `ABN ${spacedAbn(EXAMPLE_ABN)}`,
    '12 Example Rd, Suburbia VIC 3000',
    'TAX INVOICE',
    cols([
      [0, `Date: ${d}/${m}/${y}`],
      [22, 'Time: 10:42'],
    ]),
    cols([
      [0, 'Item'],
      [28, 'Qty'],
      [38, 'Amount'],
    ]),
    cols([
      [0, receipt.item],
      [28, '1'],
      [38, money(receipt.totalCents)],
    ]),
    cols([
      [0, 'TOTAL'],
      [38, money(receipt.totalCents)],
    ]),
    cols([
      [0, 'GST INCLUDED IN TOTAL'],
      [38, money(Math.round(receipt.totalCents / 11))],
    ]),
    cols([
      [0, 'EFTPOS'],
      [38, money(receipt.totalCents)],
    ]),
    'Thank you for shopping with us',
  ].join('\n');
  return { name, mimeType: 'application/pdf', buffer: await textLayerPdf(text) };
}

/** A Commonwealth Bank (NetBank) CSV export: no header; date, signed amount, description, balance. */
export function commbankCsv(
  rows: { date: string; cents: number; description: string }[],
  name: string,
): UploadFile {
  let balance = 250_000;
  const lines = rows.map(({ date, cents, description }) => {
    balance += cents;
    const [y, m, d] = date.split('-');
    const signed = (c: number) => `${c < 0 ? '-' : '+'}${(Math.abs(c) / 100).toFixed(2)}`;
    return `${d}/${m}/${y},"${signed(cents)}","${description}","${signed(balance)}"`;
  });
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

/** The income statement PDF, encrypted as banks and payroll services send them: it opens only with `password`. */
export async function lockedIncomeStatementPdf(
  statement: IncomeStatement,
  password: string,
  name: string,
): Promise<UploadFile> {
  const plain = await incomeStatementPdf(statement, name);
  return { ...plain, buffer: await encryptPdf(plain.buffer, password) };
}
