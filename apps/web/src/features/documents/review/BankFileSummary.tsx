import type { DocumentDto } from '@numeri/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, buttonClasses, Card } from '../../../components';
import { cn } from '../../../lib/cn';
import { formatDate, formatInteger } from '../../../lib/format';
import { MappingDialog } from '../../transactions/MappingDialog';
import { ColumnsIcon } from '../icons';

const LAYOUT_NAMES: Record<string, string> = {
  commbank: 'Commonwealth Bank',
  anz: 'ANZ',
  westpac: 'Westpac',
  nab: 'NAB',
  ing: 'ING',
  macquarie: 'Macquarie',
  up: 'Up',
  generic: 'a standard layout',
  mapped: 'the columns you chose',
};

/** A bank export: what was imported from it, and the column chooser when its layout was unknown. */
export function BankFileSummary({
  document,
  readOnly,
  link,
  onMapped,
}: {
  document: DocumentDto;
  readOnly: boolean;
  link: (path: string) => string;
  onMapped?: () => void;
}) {
  const [mapping, setMapping] = useState(false);
  const summary = document.import;
  if (!summary) return null;
  const preview = summary.mappingPreview;

  if (summary.needsMapping) {
    return (
      <>
        <Alert
          tone="warning"
          title="Numeri didn’t recognise this file’s columns"
          actions={
            !readOnly && preview ? (
              <Button size="sm" icon={<ColumnsIcon className="size-4" />} onClick={() => setMapping(true)}>
                Choose the columns
              </Button>
            ) : null
          }
        >
          Tell Numeri which column holds the date, the description and the amount, and it will import the
          transactions.
        </Alert>
        {preview ? (
          <MappingDialog
            document={document}
            preview={preview}
            open={mapping}
            onClose={() => setMapping(false)}
            onMapped={onMapped}
          />
        ) : null}
      </>
    );
  }

  const rows: [string, string][] = [
    ['Transactions read', formatInteger(summary.read)],
    ['New transactions imported', formatInteger(summary.imported)],
    ['Already imported before', formatInteger(summary.duplicates)],
    ['Possible deductions found', formatInteger(summary.suggestions)],
  ];
  if (summary.firstDate && summary.lastDate) {
    rows.push(['Dates', `${formatDate(summary.firstDate)} – ${formatDate(summary.lastDate)}`]);
  }
  if (summary.layout) rows.push(['Read as', LAYOUT_NAMES[summary.layout] ?? summary.layout]);

  return (
    <Card>
      <h2 className="text-base font-semibold text-slate-900">What was imported</h2>
      <dl className="mt-4 divide-y divide-slate-100 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="flex justify-between gap-4 py-2">
            <dt className="text-slate-600">{term}</dt>
            <dd className="font-medium text-slate-900 tabular">{value}</dd>
          </div>
        ))}
      </dl>
      {summary.errors.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">Lines that couldn’t be read</h3>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {summary.errors.map((error, index) => (
              <li key={index}>
                {error.line !== undefined ? `Line ${error.line}: ` : ''}
                {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Link
        to={link(`/documents/transactions${document.incomeYear ? `?year=${document.incomeYear}` : ''}`)}
        className={cn(buttonClasses(), 'mt-5')}
      >
        Review the transactions
      </Link>
    </Card>
  );
}
