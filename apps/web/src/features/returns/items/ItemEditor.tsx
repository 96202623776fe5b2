import type { DeductionLabel, ReturnItem } from '@numeri/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Checkbox, MoneyInput, Select, TextField } from '../../../components';
import { buildItem, formValuesFromItem, type FormValues } from '../item-form';
import { DEDUCTION_LABEL_HELP, deductionLabelName, KIND_SPECS, type FieldSpec } from '../item-specs';
import type { ItemKind } from '../sections';
import { ChoiceGroup } from '../ui/controls';

export interface ItemEditorProps {
  kind: ItemKind;
  /** The item as it is (or a blank one for a new item). */
  initial: Record<string, unknown>;
  /** Called with each valid version while typing (the live estimate and autosave follow). */
  onCommit: (item: ReturnItem) => void;
  onDone: () => void;
  onRemove?: () => void;
  /** For receipts: the labels offered on this step. */
  labels?: readonly DeductionLabel[];
  isNew: boolean;
}

function FieldControl({
  field,
  id,
  value,
  error,
  onChange,
  onBlur,
}: {
  field: FieldSpec;
  id: string;
  value: FormValues[string];
  error: string | undefined;
  onChange: (value: FormValues[string]) => void;
  onBlur: () => void;
}) {
  switch (field.type) {
    case 'money':
      return (
        <MoneyInput
          id={id}
          label={field.label}
          hint={field.hint}
          optional={field.optional}
          value={typeof value === 'number' ? value : undefined}
          error={error}
          onChange={onChange}
          onBlur={onBlur}
        />
      );
    case 'percent':
      return (
        <div className="max-w-40">
          <TextField
            id={id}
            label={`${field.label} (%)`}
            hint={field.hint}
            inputMode="decimal"
            autoComplete="off"
            value={value === undefined ? '' : String(value)}
            error={error}
            onChange={(event) => {
              const text = event.target.value.replace(/[%\s]/g, '');
              onChange(text === '' ? undefined : /^\d*\.?\d*$/.test(text) ? Number(text) : Number.NaN);
            }}
            onBlur={onBlur}
          />
        </div>
      );
    case 'boolean':
      return (
        <Checkbox
          id={id}
          label={field.label}
          hint={field.hint}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
          onBlur={onBlur}
        />
      );
    case 'select':
      return (
        <Select
          id={id}
          label={field.label}
          hint={field.hint}
          value={String(value ?? '')}
          error={error}
          options={field.options}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      );
    case 'date':
      return (
        <div className="max-w-60">
          <TextField
            id={id}
            type="date"
            label={field.label}
            hint={field.hint}
            optional={field.optional}
            value={String(value ?? '')}
            error={error}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
        </div>
      );
    case 'integer':
      return (
        <TextField
          id={id}
          label={field.label}
          hint={field.hint}
          inputMode="numeric"
          value={String(value ?? '')}
          error={error}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      );
    default:
      return (
        <TextField
          id={id}
          label={field.label}
          hint={field.hint}
          optional={field.optional}
          placeholder={field.placeholder}
          inputMode={field.inputMode}
          autoComplete="off"
          value={String(value ?? '')}
          error={error}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      );
  }
}

/**
 * Edits one item in place. Every keystroke is checked against the contract's schema; a valid item
 * goes straight into the return (so the estimate moves as you type), an invalid one shows why next
 * to the field and waits.
 */
export function ItemEditor({ kind, initial, onCommit, onDone, onRemove, labels, isNew }: ItemEditorProps) {
  const spec = KIND_SPECS[kind];
  const fields = spec.fields;
  const [values, setValues] = useState<FormValues>(() => formValuesFromItem(fields, initial));
  const [label, setLabel] = useState<DeductionLabel | undefined>(
    kind === 'deduction' ? ((initial.label as DeductionLabel | undefined) ?? labels?.[0]) : undefined,
  );
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const prefix = useId().replace(/:/g, '');
  const firstField = useRef<HTMLDivElement>(null);

  const base = { ...initial, ...(label ? { label } : {}) };
  const result = buildItem(fields, base, values);
  const advancedFields = fields.filter((f) => f.advanced);
  const [moreOpen, setMoreOpen] = useState(() =>
    advancedFields.some((f) => {
      const v = initial[f.key];
      return v !== undefined && v !== 0 && v !== false && v !== '' && v !== 'T';
    }),
  );

  useEffect(() => {
    if (isNew) firstField.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [isNew]);

  const apply = (nextValues: FormValues, nextLabel = label) => {
    const built = buildItem(fields, { ...initial, ...(nextLabel ? { label: nextLabel } : {}) }, nextValues);
    if (built.item) onCommit(built.item);
  };

  const errorFor = (key: string) => (showAll || touched.has(key) ? result.errors[key] : undefined);

  const done = () => {
    if (result.item) {
      onDone();
      return;
    }
    setShowAll(true);
    const firstBad = fields.find((f) => result.errors[f.key]);
    if (firstBad?.advanced) setMoreOpen(true);
    setTimeout(() => {
      if (firstBad) document.getElementById(`${prefix}-${firstBad.key}`)?.focus();
    }, 0);
  };

  const renderField = (field: FieldSpec) => (
    <FieldControl
      key={field.key}
      field={field}
      id={`${prefix}-${field.key}`}
      value={values[field.key]}
      error={errorFor(field.key)}
      onChange={(value) => {
        const next = { ...values, [field.key]: value };
        setValues(next);
        apply(next);
      }}
      onBlur={() => setTouched((set) => (set.has(field.key) ? set : new Set(set).add(field.key)))}
    />
  );

  const main = fields.filter((f) => !f.advanced);
  const errorCount = Object.keys(result.errors).length;

  return (
    <div
      className="rounded-2xl bg-white p-5 shadow-sm ring-2 ring-teal-600/70 sm:p-6"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && result.item) {
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <h3 className="text-base font-semibold text-slate-900">
        {isNew ? spec.addLabel.replace(/^Add (a|an|your) /, 'New ') : `Edit ${spec.noun}`}
      </h3>
      <div ref={firstField} className="mt-4 flex flex-col gap-5">
        {kind === 'deduction' && labels ? (
          <ChoiceGroup<DeductionLabel>
            legend="Which kind of expense is it?"
            name={`${prefix}-label`}
            value={label}
            onChange={(next) => {
              setLabel(next);
              apply(values, next);
            }}
            choices={labels.map((l) => ({
              value: l,
              label: deductionLabelName(l),
              hint: DEDUCTION_LABEL_HELP[l],
            }))}
          />
        ) : null}
        {main.map(renderField)}
        {advancedFields.length > 0 ? (
          <details
            open={moreOpen}
            onToggle={(event) => setMoreOpen((event.target as HTMLDetailsElement).open)}
            className="rounded-xl bg-slate-50 ring-1 ring-slate-200"
          >
            <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-800">
              Less common —{' '}
              {advancedFields
                .map((f) => f.label.toLowerCase())
                .slice(0, 2)
                .join(', ')}
              {advancedFields.length > 2 ? '…' : ''}
            </summary>
            <div className="flex flex-col gap-5 border-t border-slate-200 px-4 py-4">
              {advancedFields.map(renderField)}
            </div>
          </details>
        ) : null}
      </div>
      <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        {onRemove ? (
          <Button
            variant="ghost"
            onClick={onRemove}
            className="self-start text-red-800 hover:bg-red-50 hover:text-red-900"
          >
            {isNew ? 'Cancel' : `Remove this ${spec.noun}`}
          </Button>
        ) : (
          <span />
        )}
        <div className="flex items-center gap-3">
          {showAll && errorCount > 0 ? (
            <p role="alert" className="text-sm font-medium text-red-800">
              {errorCount === 1 ? 'One answer needs fixing.' : `${errorCount} answers need fixing.`}
            </p>
          ) : null}
          <Button onClick={done}>Done</Button>
        </div>
      </div>
    </div>
  );
}
