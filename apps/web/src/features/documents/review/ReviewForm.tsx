import {
  INCOME_YEARS,
  type ConfirmDocumentRequest,
  type DeductionLabel,
  type DocumentDto,
  type ExtractedFieldDto,
} from '@numeri/contracts';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  ApiErrorAlert,
  Badge,
  Button,
  MoneyInput,
  Select,
  TextField,
  WarningIcon,
} from '../../../components';
import { PercentField } from '../PercentField';
import { isApiError, normaliseFieldPath } from '../../../lib/api';
import { sentence } from '../../../lib/forms';
import { cn } from '../../../lib/cn';
import { formatIncomeYear } from '../../../lib/format';
import {
  confidenceWords,
  DEDUCTION_LABEL_OPTIONS,
  deductionLabelName,
  fieldId,
  INCOME_YEAR_OPTIONS,
  percentToBasisPoints,
  returnLabelText,
  warningsFor,
} from '../document-labels';
import { useConfirmDocument } from '../documents-api';
import { draftValue, initialDraft, isChanged, type FieldDraft } from './field-values';

export interface ConfirmedResult {
  incomeYear: string;
  itemsApplied: number;
}

export interface ReviewFormProps {
  document: DocumentDto;
  activeId: string | null;
  onActivate: (id: string | null, fromList: boolean) => void;
  /** Inputs by field id, so a click on the document can focus its field. */
  inputs: React.RefObject<Map<string, HTMLInputElement>>;
  onConfirmed: (result: ConfirmedResult) => void;
  onCancel?: (() => void) | undefined;
}

export const fieldTitle = (field: Pick<ExtractedFieldDto, 'label' | 'row'>) =>
  field.row === undefined ? field.label : `${field.label} (row ${field.row + 1})`;

/**
 * The figures read from a document, each editable beside the place it was read from; the income
 * year; for a receipt, the deduction it is for. Confirming sends only what changed (money as
 * integer cents) and puts the values on that year's return with a link back to this document.
 */
export function ReviewForm({
  document,
  activeId,
  onActivate,
  inputs,
  onConfirmed,
  onCancel,
}: ReviewFormProps) {
  const confirm = useConfirmDocument();
  const [drafts, setDrafts] = useState<Record<string, FieldDraft>>(() =>
    Object.fromEntries(document.fields.map((field) => [fieldId(field), initialDraft(field)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The person's choices are kept apart from what was read: the document shown first may be the
  // cached copy from the live status stream, whose year and suggestion arrive a moment later with
  // the refetch, and those must still fill the form until the person picks something themselves.
  const [chosenYear, setIncomeYear] = useState<string | null>(null);
  const readYear =
    document.incomeYear && (INCOME_YEARS as readonly string[]).includes(document.incomeYear)
      ? document.incomeYear
      : '';
  const incomeYear = chosenYear ?? readYear;
  const isReceipt = document.documentType === 'receipt';
  const [chosenLabel, setLabel] = useState<string | null>(null);
  const label = chosenLabel ?? document.suggestedDeductionLabel ?? '';
  const [workShare, setWorkShare] = useState('100');
  const [error, setError] = useState<unknown>(null);
  const yearRef = useRef<HTMLSelectElement>(null);

  const setDraft = (id: string, draft: FieldDraft) => {
    setDrafts((current) => ({ ...current, [id]: draft }));
    setErrors((current) => {
      if (!current[id]) return current;
      const { [id]: _removed, ...rest } = current;
      return rest;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const nextErrors: Record<string, string> = {};
    const corrections: ConfirmDocumentRequest['fields'] = [];
    for (const field of document.fields) {
      const id = fieldId(field);
      const draft = drafts[id] ?? initialDraft(field);
      const result = draftValue(field, draft);
      if (!result.ok) {
        nextErrors[id] = result.error;
        continue;
      }
      if (isChanged(field, result.value)) {
        corrections.push({
          key: field.key,
          ...(field.row !== undefined ? { row: field.row } : {}),
          value: result.value,
        });
      }
    }
    if (!incomeYear) nextErrors.incomeYear = 'Choose the income year this document belongs to.';
    let basisPoints: number | undefined;
    if (isReceipt) {
      if (!label) nextErrors.deductionLabel = 'Choose what kind of deduction this receipt is for.';
      basisPoints = percentToBasisPoints(workShare);
      if (basisPoints === undefined) nextErrors.workShare = 'Enter a percentage from 0 to 100.';
    }
    setErrors(nextErrors);
    const first = Object.keys(nextErrors)[0];
    if (first) {
      if (first === 'incomeYear') yearRef.current?.focus();
      else inputs.current.get(first)?.focus();
      return;
    }
    const body: ConfirmDocumentRequest = {
      incomeYear: incomeYear as ConfirmDocumentRequest['incomeYear'],
      fields: corrections,
      ...(isReceipt
        ? { deduction: { label: label as DeductionLabel, workUseBasisPoints: basisPoints } }
        : {}),
    };
    try {
      const result = await confirm.mutateAsync({ id: document.id, body });
      onConfirmed({ incomeYear: result.incomeYear, itemsApplied: result.itemsApplied });
    } catch (caught) {
      if (isApiError(caught) && caught.hasFieldErrors) {
        const mapped: Record<string, string> = {};
        for (const field of document.fields) {
          const id = fieldId(field);
          const message = caught.fieldErrors[normaliseFieldPath(id)];
          if (message) mapped[id] = sentence(fieldTitle(field), message) ?? message;
        }
        if (caught.fieldErrors.incomeYear)
          mapped.incomeYear = sentence('The income year', caught.fieldErrors.incomeYear) ?? '';
        if (Object.keys(mapped).length) {
          setErrors(mapped);
          return;
        }
      }
      setError(caught);
    }
  };

  const yearName = incomeYear ? formatIncomeYear(incomeYear) : null;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-6">
      {document.fields.length ? (
        <ol
          aria-label="Figures read from the document"
          className="divide-y divide-slate-100 overflow-hidden rounded-2xl bg-white shadow-xs ring-1 ring-slate-200"
        >
          {document.fields.map((field) => {
            const id = fieldId(field);
            return (
              <FieldRow
                key={id}
                field={field}
                draft={drafts[id] ?? initialDraft(field)}
                error={errors[id]}
                warnings={warningsFor(field, document.warnings)}
                active={activeId === id}
                onActivate={onActivate}
                onChange={(draft) => setDraft(id, draft)}
                inputRef={(element) => {
                  if (element) inputs.current.set(id, element);
                  else inputs.current.delete(id);
                }}
              />
            );
          })}
        </ol>
      ) : (
        <Alert tone="info" title="No figures for your return were found">
          Numeri didn’t find amounts it could put on your return in this document. If it’s the wrong type, ask
          Numeri to read it again as the right one.
        </Alert>
      )}

      <div className="space-y-4 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
        <Select
          ref={yearRef}
          label="Income year"
          hint={
            document.incomeYear
              ? `Numeri read dates in ${formatIncomeYear(document.incomeYear)} from the document.`
              : 'No date was found on the document. Choose the year it belongs to.'
          }
          value={incomeYear}
          onChange={(event) => {
            setIncomeYear(event.target.value);
            setErrors(({ incomeYear: _removed, ...rest }) => rest);
          }}
          options={[{ value: '', label: 'Choose a year' }, ...INCOME_YEAR_OPTIONS]}
          error={errors.incomeYear}
          required
        />
        {isReceipt ? (
          <>
            <Select
              label="What is this receipt for?"
              hint={
                document.suggestedDeductionLabel
                  ? `From what the receipt says, Numeri suggests ${deductionLabelName(document.suggestedDeductionLabel)}.`
                  : 'Choose the kind of deduction it is.'
              }
              value={label}
              onChange={(event) => {
                setLabel(event.target.value);
                setErrors(({ deductionLabel: _removed, ...rest }) => rest);
              }}
              options={[{ value: '', label: 'Choose a deduction' }, ...DEDUCTION_LABEL_OPTIONS]}
              error={errors.deductionLabel}
              required
            />
            <PercentField
              label="Work-related share"
              hint="If you also used it privately, claim only the work part — for example 60%."
              value={workShare}
              onChange={(value) => {
                setWorkShare(value);
                setErrors(({ workShare: _removed, ...rest }) => rest);
              }}
              error={errors.workShare}
            />
          </>
        ) : null}
      </div>

      <ApiErrorAlert error={error} />
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <Button type="submit" size="lg" loading={confirm.isPending} className="whitespace-normal">
          {yearName ? `Confirm and add to my ${yearName} return` : 'Confirm and add to my return'}
        </Button>
        {onCancel ? (
          <Button variant="secondary" size="lg" onClick={onCancel} disabled={confirm.isPending}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function FieldRow({
  field,
  draft,
  error,
  warnings,
  active,
  onActivate,
  onChange,
  inputRef,
}: {
  field: ExtractedFieldDto;
  draft: FieldDraft;
  error: string | undefined;
  warnings: string[];
  active: boolean;
  onActivate: (id: string | null, fromList: boolean) => void;
  onChange: (draft: FieldDraft) => void;
  inputRef: (element: HTMLInputElement | null) => void;
}) {
  const id = fieldId(field);
  const confidence = confidenceWords(field);
  const destination = returnLabelText(field);
  const inputId = `field-${id.replace(/[^\w-]/g, '-')}`;
  const hint: ReactNode = (
    <span className="flex flex-col gap-1">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={confidence.tone}>{confidence.label}</Badge>
        {destination ? <span className="text-slate-600">{destination}</span> : null}
      </span>
      {warnings.map((warning) => (
        <span key={warning} className="flex gap-1.5 text-amber-900">
          <WarningIcon className="mt-0.5 size-4 shrink-0" />
          {warning}
        </span>
      ))}
      {confidence.tone === 'warning' && field.raw ? (
        <span className="text-slate-500">Read from the document as “{field.raw}”.</span>
      ) : null}
    </span>
  );
  const common = {
    id: inputId,
    label: fieldTitle(field),
    hint,
    error,
    ref: inputRef,
    layout: 'inline' as const,
  };
  return (
    <li
      data-field={id}
      onMouseEnter={() => field.region && onActivate(id, true)}
      onMouseLeave={() => onActivate(null, false)}
      onFocus={() => onActivate(id, true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onActivate(null, false);
      }}
      className={cn('relative px-4 py-4 transition-colors sm:px-5', active ? 'bg-amber-50' : 'bg-white')}
    >
      {active ? <span aria-hidden="true" className="absolute inset-y-0 left-0 w-1 bg-amber-400" /> : null}
      {draft.kind === 'money' ? (
        <MoneyInput
          {...common}
          value={draft.dollars}
          onChange={(dollars) => onChange({ kind: 'money', dollars })}
        />
      ) : (
        <TextField
          {...common}
          placeholder={field.valueType === 'date' ? 'DD/MM/YYYY' : undefined}
          inputMode={field.valueType === 'abn' || field.valueType === 'integer' ? 'numeric' : undefined}
          autoComplete="off"
          value={draft.text}
          onChange={(event) => onChange({ kind: 'text', text: event.target.value })}
        />
      )}
    </li>
  );
}
