import { DEDUCTION_LABELS, type DeductionLabel, type TransactionDto } from '@numeri/contracts';
import { useState, type FormEvent } from 'react';
import { ApiErrorAlert, Button, Dialog, DialogActions, Select } from '../../components';
import { PercentField } from '../documents/PercentField';
import { isApiError } from '../../lib/api';
import { sentence } from '../../lib/forms';
import { formatCents, formatDate } from '../../lib/format';
import {
  categoryName,
  DEDUCTION_LABEL_OPTIONS,
  deductionLabelName,
  documentKindName,
  percentToBasisPoints,
  shortDate,
} from '../documents/document-labels';
import { useDocumentList } from '../documents/documents-api';
import { useReviewTransaction } from './transactions-api';

export interface ClaimDialogProps {
  transaction: TransactionDto | null;
  onClose: () => void;
  onClaimed?: (transaction: TransactionDto) => void;
}

const isDeductionLabel = (value: string | undefined): value is DeductionLabel =>
  value !== undefined && (DEDUCTION_LABELS as readonly string[]).includes(value);

/** Claim a bank transaction: which deduction, how much of it was for work, and (optionally) its receipt. */
export function ClaimDialog({ transaction, onClose, onClaimed }: ClaimDialogProps) {
  return (
    <Dialog
      open={transaction !== null}
      onOpenChange={(open) => !open && onClose()}
      title="Claim as a deduction"
      description={
        transaction
          ? `${formatCents(Math.abs(transaction.amountCents))} on ${formatDate(transaction.postedOn)} — ${transaction.description}`
          : undefined
      }
    >
      {transaction ? <ClaimForm transaction={transaction} onClose={onClose} onClaimed={onClaimed} /> : null}
    </Dialog>
  );
}

function ClaimForm({
  transaction,
  onClose,
  onClaimed,
}: {
  transaction: TransactionDto;
  onClose: () => void;
  onClaimed: ((transaction: TransactionDto) => void) | undefined;
}) {
  const review = useReviewTransaction();
  const receipts = useDocumentList({ kind: 'document' }, undefined);
  const suggested = transaction.suggestion?.dLabel;
  const [label, setLabel] = useState<string>(isDeductionLabel(suggested) ? suggested : '');
  const [share, setShare] = useState('100');
  const [receipt, setReceipt] = useState<string>(transaction.evidenceDocumentId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  const documents = (receipts.data?.pages.flatMap((page) => page.items) ?? [])
    .filter((document) => document.status !== 'failed')
    .sort((a, b) => Number(b.documentType === 'receipt') - Number(a.documentType === 'receipt'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!isDeductionLabel(label)) next.label = 'Choose the kind of deduction.';
    const basisPoints = percentToBasisPoints(share);
    if (basisPoints === undefined) next.share = 'Enter a percentage from 0 to 100.';
    setErrors(next);
    if (Object.keys(next).length) return;
    setError(null);
    try {
      const claimed = await review.mutateAsync({
        id: transaction.id,
        body: {
          action: 'claim',
          label: label as DeductionLabel,
          workUseBasisPoints: basisPoints!,
          evidenceDocumentId: receipt || null,
        },
      });
      onClaimed?.(claimed);
      onClose();
    } catch (caught) {
      if (isApiError(caught) && caught.hasFieldErrors) {
        const mapped: Record<string, string> = {};
        if (caught.fieldErrors.label)
          mapped.label = sentence('The deduction', caught.fieldErrors.label) ?? '';
        if (caught.fieldErrors.evidenceDocumentId) {
          mapped.receipt = sentence('The receipt', caught.fieldErrors.evidenceDocumentId) ?? '';
        }
        if (Object.keys(mapped).length) {
          setErrors(mapped);
          return;
        }
      }
      setError(caught);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
      <Select
        label="Deduction"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        options={[{ value: '', label: 'Choose a deduction' }, ...DEDUCTION_LABEL_OPTIONS]}
        error={errors.label}
        hint={
          transaction.suggestion
            ? `Numeri suggests ${deductionLabelName(transaction.suggestion.dLabel)} for ${categoryName(transaction.suggestion.category).toLowerCase()}.`
            : undefined
        }
        required
      />
      <PercentField
        label="Work-related share"
        hint="If you also used it privately, claim only the work part — for example 60%."
        value={share}
        onChange={setShare}
        error={errors.share}
      />
      <Select
        label="Receipt"
        optional
        hint={
          transaction.suggestion?.evidenceHint ??
          'The ATO expects a receipt or invoice for most work expenses over $10.'
        }
        value={receipt}
        onChange={(event) => setReceipt(event.target.value)}
        error={errors.receipt}
        disabled={receipts.isPending}
        options={[
          { value: '', label: receipts.isPending ? 'Loading your documents…' : 'No receipt attached' },
          ...documents.map((document) => ({
            value: document.id,
            label: `${document.originalName} — ${documentKindName(document)}, ${shortDate(document.createdAt)}`,
          })),
        ]}
      />
      <ApiErrorAlert error={error} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={review.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={review.isPending}>
          Claim it
        </Button>
      </DialogActions>
    </form>
  );
}
