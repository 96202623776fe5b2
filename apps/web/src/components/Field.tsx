import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cn } from '../lib/cn';

/** Props a field passes to its control so the label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-errormessage': string | undefined;
  'aria-required': true | undefined;
}

export interface FieldBaseProps {
  label: ReactNode;
  /** Help under the label, read after it by screen readers. */
  hint?: ReactNode;
  /** A message in plain language; shown under the control and announced politely. */
  error?: string | undefined;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
  /** Marks the control as required for assistive technology. */
  required?: boolean;
  /** The control's id; generated when omitted. */
  id?: string;
  /**
   * `stacked` (default): label, hint, control, error in one column. `inline`: from the `sm`
   * breakpoint, label and hint on the left and the control in a fixed column on the right — a
   * ledger layout for lists of amounts; stacked on phones.
   */
  layout?: 'stacked' | 'inline';
  className?: string;
}

export interface FieldProps extends FieldBaseProps {
  children: (control: FieldControlProps) => ReactNode;
}

/** Label + hint + control + error, wired with `aria-describedby`. Render any control as the child function. */
export function Field({
  label,
  hint,
  error,
  optional,
  required,
  id,
  layout = 'stacked',
  className,
  children,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field${generated.replace(/:/g, '')}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const inline = layout === 'inline';
  return (
    <div
      className={cn(
        'flex flex-col',
        inline && 'sm:grid sm:grid-cols-[minmax(0,1fr)_minmax(0,13rem)] sm:items-start sm:gap-x-8',
        className,
      )}
    >
      <div className={cn(inline && 'sm:pt-2')}>
        <label htmlFor={controlId} className="text-sm font-medium text-slate-900">
          {label}
          {optional ? <span className="font-normal text-slate-500"> (optional)</span> : null}
        </label>
        {hint ? (
          <p id={hintId} className="mt-1 text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
      <div className={cn('mt-2', inline && 'sm:mt-0')}>
        {children({
          id: controlId,
          'aria-describedby': describedBy,
          'aria-invalid': error ? true : undefined,
          'aria-errormessage': error ? errorId : undefined,
          'aria-required': required ? true : undefined,
        })}
      </div>
      <FieldError id={errorId} message={error} className={cn(inline && 'sm:col-span-2')} />
    </div>
  );
}

/** An always-present polite live region, so a message that appears is read out. */
export function FieldError({
  id,
  message,
  className,
}: {
  id: string;
  message: string | undefined;
  className?: string;
}) {
  return (
    <div aria-live="polite" aria-atomic="true" className={className}>
      {message ? (
        <p id={id} className="mt-2 flex items-start gap-1.5 text-sm font-medium text-red-700">
          <svg viewBox="0 0 20 20" aria-hidden="true" className="mt-0.5 size-4 shrink-0 fill-current">
            <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-.75-11.5a.75.75 0 0 1 1.5 0v4a.75.75 0 0 1-1.5 0v-4ZM10 14.75a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z" />
          </svg>
          <span>{message}</span>
        </p>
      ) : null}
    </div>
  );
}

/** Shared look of text-like controls. */
export function controlClasses(invalid: boolean, className?: string): string {
  return cn(
    'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-slate-900 shadow-xs ring-1 ring-inset',
    'placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset focus-visible:outline-none',
    'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 sm:text-sm/6',
    invalid ? 'ring-red-400 focus:ring-red-600' : 'ring-slate-300 hover:ring-slate-400 focus:ring-teal-600',
    className,
  );
}

export interface TextFieldProps
  extends FieldBaseProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  ref?: Ref<HTMLInputElement>;
  inputClassName?: string;
}

export function TextField({
  label,
  hint,
  error,
  optional,
  required,
  id,
  layout,
  className,
  inputClassName,
  ref,
  type = 'text',
  ...input
}: TextFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      required={required}
      id={id}
      layout={layout}
      className={className}
    >
      {(control) => (
        <input
          ref={ref}
          type={type}
          required={required}
          className={controlClasses(Boolean(error), inputClassName)}
          {...control}
          {...input}
        />
      )}
    </Field>
  );
}
