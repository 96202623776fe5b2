import type { EstimateRequest } from '@numeri/contracts';
import type { ReactNode } from 'react';
import { Controller, useWatch, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { Alert, Button, Card, MoneyInput, Select, Switch, TextField } from '../../components';
import {
  DEDUCTION_FIELDS,
  describeError,
  FIELD_LABELS,
  INCOME_FIELDS,
  INCOME_YEAR_OPTIONS,
  incomeYearHint,
  RESIDENCY_OPTIONS,
  SAPTO_OPTIONS,
  type EstimateFormValues,
  type MoneyFieldSpec,
} from './estimate-form';

type Form = UseFormReturn<EstimateFormValues, unknown, EstimateRequest>;
type Path = FieldPath<EstimateFormValues>;

/** A stable element id for a form path, so the error summary can link to each field. */
export function fieldId(path: string): string {
  return `estimate-${path.replace(/\./g, '-')}`;
}

/** A list of fields separated by hairlines. */
function FieldList({ children }: { children: ReactNode }) {
  return (
    <div className="divide-y divide-slate-100 [&>*]:py-4 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
      {children}
    </div>
  );
}

function FormSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card as="section" aria-labelledby={id} padding="md">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-5">{children}</div>
    </Card>
  );
}

function MoneyField({ form, field, className }: { form: Form; field: MoneyFieldSpec; className?: string }) {
  // Amounts sit in a right-hand column from the `sm` breakpoint, like a ledger.
  return (
    <Controller
      control={form.control}
      name={field.path as Path}
      render={({ field: control, fieldState }) => (
        <MoneyInput
          id={fieldId(field.path)}
          label={field.label}
          hint={field.hint}
          layout="inline"
          className={className}
          name={control.name}
          ref={control.ref}
          value={control.value as number | null | undefined}
          onChange={control.onChange}
          onBlur={control.onBlur}
          error={describeError(field.label, fieldState.error?.message)}
        />
      )}
    />
  );
}

/** Flattens react-hook-form's nested errors into `path → message`. */
function flattenErrors(errors: object, prefix = ''): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('message' in value && typeof value.message === 'string') result.push([path, value.message]);
    else result.push(...flattenErrors(value, path));
  }
  return result;
}

export interface EstimateFormProps {
  form: Form;
  hasSpouse: boolean;
  onHasSpouseChange: (hasSpouse: boolean) => void;
  onSubmit: () => void;
  onReset: () => void;
  submitting: boolean;
  /** Problems from the server that aren't about one field the form shows. */
  formErrors?: readonly string[];
}

export function EstimateForm({
  form,
  hasSpouse,
  onHasSpouseChange,
  onSubmit,
  onReset,
  submitting,
  formErrors = [],
}: EstimateFormProps) {
  const { register, control, formState } = form;
  const incomeYear = useWatch({ control, name: 'incomeYear' });
  const errorList = formState.isSubmitted ? flattenErrors(formState.errors) : [];
  const childrenError = formState.errors.dependentChildren ? 'Enter a whole number from 0 to 30.' : undefined;

  return (
    <form
      noValidate
      aria-label="Your tax details"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      className="flex flex-col gap-6"
    >
      {errorList.length > 0 ? (
        <Alert
          tone="error"
          title={errorList.length === 1 ? 'Check one field' : `Check ${errorList.length} fields`}
        >
          <ul className="list-disc space-y-1 pl-5">
            {errorList.map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`} className="underline underline-offset-2">
                  {describeError(FIELD_LABELS.get(path) ?? path, message)}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {formErrors.length > 0 ? (
        <Alert tone="error" title="The estimate service couldn’t use some details">
          <ul className="list-disc space-y-1 pl-5">
            {formErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <FormSection id="estimate-about" title="The year and you">
        <div className="grid gap-5 sm:grid-cols-2">
          <Select
            id={fieldId('incomeYear')}
            label="Income year"
            hint={incomeYearHint(incomeYear)}
            options={INCOME_YEAR_OPTIONS}
            error={describeError('Income year', formState.errors.incomeYear?.message)}
            {...register('incomeYear')}
          />
          <Select
            id={fieldId('residency')}
            label="Residency for tax purposes"
            hint="Most people who live here are residents."
            options={RESIDENCY_OPTIONS}
            error={describeError('Residency', formState.errors.residency?.message)}
            {...register('residency')}
          />
        </div>
      </FormSection>

      <FormSection
        id="estimate-income"
        title="Income"
        description="Whole-year amounts before tax. Leave blank what doesn’t apply."
      >
        <FieldList>
          {INCOME_FIELDS.map((field) => (
            <MoneyField key={field.path} form={form} field={field} />
          ))}
        </FieldList>
      </FormSection>

      <FormSection
        id="estimate-deductions"
        title="Deductions"
        description="Expenses you can claim. You’ll need a record of each one, such as a receipt."
      >
        <FieldList>
          {DEDUCTION_FIELDS.map((field) => (
            <MoneyField key={field.path} form={form} field={field} />
          ))}
        </FieldList>
      </FormSection>

      <FormSection id="estimate-withheld" title="Tax already paid">
        <FieldList>
          <MoneyField
            form={form}
            field={{
              path: 'taxWithheld',
              label: 'Tax withheld',
              hint: 'The total tax withheld on your income statements and other payment summaries.',
            }}
          />
        </FieldList>
      </FormSection>

      <FormSection
        id="estimate-situation"
        title="Your situation"
        description="These change your Medicare levy, surcharge and offsets."
      >
        <div className="flex flex-col divide-y divide-slate-100">
          <div className="pb-5">
            <Switch
              id={fieldId('hasSpouse')}
              label="I had a spouse"
              hint="Married or de facto, at any time during the year."
              checked={hasSpouse}
              onCheckedChange={onHasSpouseChange}
            />
            {hasSpouse ? (
              <div className="mt-4 rounded-xl bg-slate-50 p-4">
                <MoneyField
                  form={form}
                  field={{
                    path: 'spouseTaxableIncome',
                    label: 'Your spouse’s taxable income',
                    hint: 'Leave blank if they had none.',
                  }}
                />
              </div>
            ) : null}
          </div>
          <div className="py-5">
            <TextField
              layout="inline"
              id={fieldId('dependentChildren')}
              label="Dependent children"
              hint="Children you supported during the year."
              type="number"
              inputMode="numeric"
              min={0}
              max={30}
              step={1}
              error={childrenError}
              {...register('dependentChildren', {
                setValueAs: (value: unknown) => (value === '' || value == null ? undefined : Number(value)),
              })}
            />
          </div>
          <div className="py-5">
            <Controller
              control={control}
              name="privateHospitalCover"
              render={({ field }) => (
                <Switch
                  id={fieldId('privateHospitalCover')}
                  label="I had private hospital cover all year"
                  hint="Appropriate private patient hospital cover for you and your dependants. Without it, higher earners pay the Medicare levy surcharge."
                  checked={field.value === true}
                  onCheckedChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                />
              )}
            />
          </div>
          <div className="py-5">
            <Controller
              control={control}
              name="hasStudyLoan"
              render={({ field }) => (
                <Switch
                  id={fieldId('hasStudyLoan')}
                  label="I have a study loan"
                  hint="HELP, VSL, SFSS, SSL or a trade support loan. Repayments start above an income threshold."
                  checked={field.value === true}
                  onCheckedChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                />
              )}
            />
          </div>
          <div className="pt-5">
            <Controller
              control={control}
              name="saptoCategory"
              render={({ field, fieldState }) => (
                <Select
                  id={fieldId('saptoCategory')}
                  label="Seniors and pensioners tax offset"
                  hint="Only if you were of Age Pension age or received certain pensions. Pick how you lived."
                  options={SAPTO_OPTIONS}
                  name={field.name}
                  ref={field.ref}
                  value={field.value ?? ''}
                  onChange={(event) => field.onChange(event.target.value === '' ? null : event.target.value)}
                  onBlur={field.onBlur}
                  error={describeError('Seniors and pensioners tax offset', fieldState.error?.message)}
                />
              )}
            />
          </div>
        </div>
      </FormSection>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button variant="ghost" onClick={onReset}>
          Clear the form
        </Button>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
          <p className="text-sm text-slate-500">Your estimate updates as you type.</p>
          <Button type="submit" size="lg" loading={submitting}>
            Calculate my tax
          </Button>
        </div>
      </div>
    </form>
  );
}
