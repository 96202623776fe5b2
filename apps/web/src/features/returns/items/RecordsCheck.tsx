import { recordStatus, type DocumentDto, type ReturnItem } from '@numeri/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ApiErrorAlert,
  Button,
  CheckCircleIcon,
  Dialog,
  DocumentIcon,
  Spinner,
  WarningIcon,
} from '../../../components';
import { cn } from '../../../lib/cn';
import { formatDate } from '../../../lib/format';
import { useDocuments } from '../api';
import { SourceLink } from '../ui/controls';
import { PaperclipIcon } from '../ui/icons';
import { useWorkspace } from '../workspace-context';

const TYPE_NAMES: Record<string, string> = {
  'income-statement': 'Income statement',
  'payg-payment-summary': 'Payment summary',
  receipt: 'Receipt',
  'bank-statement': 'Bank statement',
  'dividend-statement': 'Dividend statement',
  'distribution-statement': 'Distribution statement',
  'interest-summary': 'Interest summary',
  'private-health-statement': 'Private health statement',
  other: 'Document',
};

function documentLabel(doc: DocumentDto): string {
  const type = doc.documentType ? TYPE_NAMES[doc.documentType] : undefined;
  return type ? `${type} — ${doc.originalName}` : doc.originalName;
}

/** Pick one of the person's documents as the record for a claim. */
export function AttachDialog({
  open,
  onOpenChange,
  item,
  onAttach,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  item: ReturnItem;
  onAttach: (doc: DocumentDto) => void;
}) {
  const { year } = useWorkspace();
  const documents = useDocuments({ kind: 'document', limit: 100 }, open);
  const attached = new Set(item.evidence.map((e) => e.documentId));
  const list = (documents.data?.items ?? [])
    .filter((doc) => doc.status !== 'failed')
    .sort((a, b) => Number(b.incomeYear === year) - Number(a.incomeYear === year));
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Attach a record"
      description="Choose the receipt, statement or logbook that backs up this claim. It stays in your documents; the return links to it."
      size="lg"
    >
      {documents.isPending ? (
        <div className="flex justify-center py-8 text-slate-500">
          <Spinner label="Loading your documents" />
        </div>
      ) : documents.isError ? (
        <ApiErrorAlert error={documents.error} />
      ) : list.length === 0 ? (
        <p className="text-sm leading-6 text-slate-700">
          You haven’t uploaded any documents yet.{' '}
          <Link to="/documents" className="font-medium text-teal-800 underline underline-offset-2">
            Upload one on the Documents page
          </Link>
          , then come back to attach it.
        </p>
      ) : (
        <ul className="max-h-[50vh] divide-y divide-slate-100 overflow-y-auto rounded-xl ring-1 ring-slate-200">
          {list.map((doc) => {
            const already = attached.has(doc.id);
            return (
              <li key={doc.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <div className="flex min-w-0 items-start gap-3">
                  <DocumentIcon className="mt-0.5 size-5 shrink-0 text-slate-400" />
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">{documentLabel(doc)}</p>
                    <p className="text-xs text-slate-500">
                      Uploaded {formatDate(doc.createdAt)}
                      {doc.incomeYear ? ` · ${doc.incomeYear}` : ''}
                    </p>
                  </div>
                </div>
                <Button
                  size="sm"
                  variant={already ? 'ghost' : 'secondary'}
                  disabled={already}
                  onClick={() => {
                    onAttach(doc);
                    onOpenChange(false);
                  }}
                >
                  {already ? 'Attached' : 'Attach'} <span className="sr-only">{doc.originalName}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-4 text-sm text-slate-600">
        Not there yet?{' '}
        <Link to="/documents" className="font-medium text-teal-800 underline underline-offset-2">
          Upload it on the Documents page
        </Link>
        .
      </p>
    </Dialog>
  );
}

/**
 * The records checklist entry for one claim: what the ATO expects you to keep, and whether a
 * record is attached — with a way to attach one.
 */
export function RecordsCheck({
  item,
  onChange,
}: {
  item: ReturnItem;
  onChange?: (item: ReturnItem) => void;
}) {
  const { snapshot, readOnly } = useWorkspace();
  const [open, setOpen] = useState(false);
  const expectation = snapshot.server.records.find((record) => record.itemId === item.id);
  if (!expectation) return null;
  // Worked out here from the draft, so attaching a record shows at once (the server agrees on save).
  const { attached, note } = recordStatus(item, snapshot.draft.items);
  return (
    <div
      className={cn(
        'mt-4 rounded-xl p-3.5 text-sm ring-1',
        attached ? 'bg-teal-50/60 ring-teal-200' : 'bg-amber-50/70 ring-amber-200',
      )}
    >
      <p
        className={cn('flex items-center gap-1.5 font-medium', attached ? 'text-teal-900' : 'text-amber-950')}
      >
        {attached ? (
          <CheckCircleIcon className="size-4 shrink-0" />
        ) : (
          <WarningIcon className="size-4 shrink-0" />
        )}
        {attached
          ? 'Record attached'
          : item.evidence.length
            ? 'Only a bank statement attached'
            : 'No record attached yet'}
      </p>
      <p className="mt-1 leading-6 text-slate-700">
        <span className="font-medium">The ATO expects:</span> {expectation.expected}
      </p>
      {note ? <p className="mt-1 leading-6 text-slate-700">{note}</p> : null}
      <p className="mt-1 text-xs text-slate-500">
        Source: <SourceLink source={{ title: expectation.source.title, url: expectation.source.url ?? '' }} />
      </p>
      {!readOnly && onChange ? (
        <>
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            icon={<PaperclipIcon className="size-4" />}
            onClick={() => setOpen(true)}
          >
            {attached ? 'Attach another record' : 'Attach a record'}
          </Button>
          <AttachDialog
            open={open}
            onOpenChange={setOpen}
            item={item}
            onAttach={(doc) =>
              onChange({
                ...item,
                evidence: [
                  ...item.evidence,
                  { documentId: doc.id, label: documentLabel(doc).slice(0, 200), region: null },
                ],
              } as ReturnItem)
            }
          />
        </>
      ) : null}
    </div>
  );
}
