import type { BankImportSummary, CsvColumnMappingDto, DocumentDto } from '@numeri/contracts';
import { useState, type FormEvent } from 'react';
import { ApiErrorAlert, Button, Checkbox, Dialog, DialogActions, Select } from '../../components';
import { cn } from '../../lib/cn';
import { useSetMapping } from '../documents/documents-api';

type Preview = NonNullable<BankImportSummary['mappingPreview']>;
type AmountMode = 'signed' | 'split';

export interface MappingDialogProps {
  document: Pick<DocumentDto, 'id' | 'originalName'>;
  preview: Preview;
  open: boolean;
  onClose: () => void;
  onMapped?: (document: DocumentDto) => void;
}

/** The server names columns "Column 1", "Column 2"… when the file has no header row. */
export function hasHeaderRow(headers: readonly string[]): boolean {
  return !headers.every((header, index) => header === `Column ${index + 1}`);
}

const DATE_CELL = /^\s*(\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+[a-z]{3,9}\s+\d{2,4})\s*$/i;
const AMOUNT_CELL = /^\s*[-+(]?\$?\s?[\d,]+(\.\d{1,2})?\)?\s*(CR|DR)?\s*$/i;

function findColumn(
  preview: Preview,
  names: RegExp,
  cells?: RegExp,
  exclude: number[] = [],
): number | undefined {
  const byName = preview.headers.findIndex((header, index) => !exclude.includes(index) && names.test(header));
  if (byName >= 0) return byName;
  if (!cells) return undefined;
  const count = preview.headers.length;
  for (let index = 0; index < count; index += 1) {
    if (exclude.includes(index)) continue;
    const values = preview.sample.map((row) => row[index] ?? '').filter((value) => value.trim() !== '');
    if (values.length && values.every((value) => cells.test(value))) return index;
  }
  return undefined;
}

/** A first guess from the header names and the sample, which the person then confirms. */
export function guessMapping(preview: Preview) {
  const date = findColumn(preview, /date|posted|when/i, DATE_CELL);
  const debit = findColumn(preview, /debit|withdrawal|money out|paid out/i);
  const credit = findColumn(preview, /credit|deposit|money in|paid in/i);
  const split = debit !== undefined && credit !== undefined;
  // With named debit and credit columns, a numeric column is not "the amount" (it is one of them).
  const amount = findColumn(
    preview,
    /amount|value|total/i,
    split ? undefined : AMOUNT_CELL,
    date === undefined ? [] : [date],
  );
  const description = findColumn(preview, /description|narrative|details|memo|payee|particulars|merchant/i);
  const longest =
    description ??
    preview.headers
      .map((_, index) => index)
      .filter((index) => index !== date && index !== amount)
      .sort(
        (a, b) =>
          Math.max(...preview.sample.map((row) => (row[b] ?? '').length)) -
          Math.max(...preview.sample.map((row) => (row[a] ?? '').length)),
      )[0];
  const mode: AmountMode = amount === undefined && split ? 'split' : 'signed';
  return { date, description: longest, amount, debit, credit, mode };
}

const asIndex = (value: string) => (value === '' ? undefined : Number(value));

/**
 * The fallback for a bank CSV Numeri didn't recognise: show its header and a few rows, and let
 * the person say which column holds the date, the description and the amounts.
 */
export function MappingDialog({ document, preview, open, onClose, onMapped }: MappingDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      size="lg"
      title="Which column is which?"
      description={
        <>
          Numeri didn’t recognise the layout of{' '}
          <span className="font-medium text-slate-900">{document.originalName}</span>. Match its columns and
          it will import the transactions.
        </>
      }
    >
      {open ? (
        <MappingForm document={document} preview={preview} onClose={onClose} onMapped={onMapped} />
      ) : null}
    </Dialog>
  );
}

function MappingForm({ document, preview, onClose, onMapped }: Omit<MappingDialogProps, 'open'>) {
  const guess = guessMapping(preview);
  const [date, setDate] = useState(guess.date === undefined ? '' : String(guess.date));
  const [description, setDescription] = useState(
    guess.description === undefined ? '' : String(guess.description),
  );
  const [mode, setMode] = useState<AmountMode>(guess.mode);
  const [amount, setAmount] = useState(guess.amount === undefined ? '' : String(guess.amount));
  const [debit, setDebit] = useState(guess.debit === undefined ? '' : String(guess.debit));
  const [credit, setCredit] = useState(guess.credit === undefined ? '' : String(guess.credit));
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | 'ymd'>('dmy');
  const [invert, setInvert] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mapping = useSetMapping();

  const columns = [
    { value: '', label: 'Choose a column' },
    ...preview.headers.map((header, index) => ({
      value: String(index),
      label: header.trim() ? header : `Column ${index + 1}`,
    })),
  ];
  const chosen = new Set(
    [date, description, ...(mode === 'signed' ? [amount] : [debit, credit])].filter((value) => value !== ''),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (date === '') next.date = 'Choose the column with the date.';
    if (description === '') next.description = 'Choose the column that describes each transaction.';
    if (mode === 'signed' && amount === '') next.amount = 'Choose the column with the amount.';
    if (mode === 'split' && debit === '' && credit === '') {
      next.debit = 'Choose the column for money out, money in, or both.';
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: CsvColumnMappingDto = {
      date: asIndex(date)!,
      description: asIndex(description)!,
      hasHeader: hasHeaderRow(preview.headers),
      dateOrder,
      ...(mode === 'signed'
        ? { amount: asIndex(amount)!, ...(invert ? { invertAmount: true } : {}) }
        : {
            ...(debit !== '' ? { debit: asIndex(debit)! } : {}),
            ...(credit !== '' ? { credit: asIndex(credit)! } : {}),
          }),
    };
    mapping.mutate(
      { id: document.id, mapping: body },
      {
        onSuccess: (updated) => {
          onMapped?.(updated);
          onClose();
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-5">
      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full text-left text-xs">
          <caption className="sr-only">The first rows of {document.originalName}</caption>
          <thead className="bg-slate-50">
            <tr>
              {preview.headers.map((header, index) => (
                <th
                  key={index}
                  scope="col"
                  className={cn(
                    'px-3 py-2 font-semibold whitespace-nowrap text-slate-700',
                    chosen.has(String(index)) && 'bg-teal-50 text-teal-900',
                  )}
                >
                  {header.trim() ? header : `Column ${index + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.sample.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {preview.headers.map((_, index) => (
                  <td
                    key={index}
                    className={cn(
                      'max-w-[14rem] truncate px-3 py-1.5 whitespace-nowrap text-slate-700 tabular',
                      chosen.has(String(index)) && 'bg-teal-50/60',
                    )}
                  >
                    {row[index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          options={columns}
          error={errors.date}
        />
        <Select
          label="Dates are written"
          value={dateOrder}
          onChange={(e) => setDateOrder(e.target.value as typeof dateOrder)}
          options={[
            { value: 'dmy', label: 'Day first (31/12/2024)' },
            { value: 'mdy', label: 'Month first (12/31/2024)' },
            { value: 'ymd', label: 'Year first (2024-12-31)' },
          ]}
        />
        <Select
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          options={columns}
          error={errors.description}
          className="sm:col-span-2"
        />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-900">How are amounts shown?</legend>
        <div className="mt-2 space-y-2">
          {(
            [
              ['signed', 'In one column (money out is negative, or marked DR)'],
              ['split', 'In two columns: money out and money in'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-start gap-3 text-sm text-slate-800">
              <input
                type="radio"
                name="amount-mode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
                className="mt-1 size-4 accent-teal-700"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      {mode === 'signed' ? (
        <div className="space-y-3">
          <Select
            label="Amount"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            options={columns}
            error={errors.amount}
          />
          <Checkbox
            label="Money out is shown as a positive number"
            hint="Some card exports do this. Numeri then flips the sign, so spending is money out."
            checked={invert}
            onChange={(event) => setInvert(event.target.checked)}
          />
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label="Money out (debits)"
            value={debit}
            onChange={(e) => setDebit(e.target.value)}
            options={columns}
            error={errors.debit}
          />
          <Select
            label="Money in (credits)"
            value={credit}
            onChange={(e) => setCredit(e.target.value)}
            options={columns}
          />
        </div>
      )}

      <ApiErrorAlert error={mapping.error} title="Those columns didn’t work" />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={mapping.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={mapping.isPending}>
          Import transactions
        </Button>
      </DialogActions>
    </form>
  );
}
