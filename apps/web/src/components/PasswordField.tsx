import { useId, useState, type InputHTMLAttributes, type Ref } from 'react';
import { cn } from '../lib/cn';
import { estimatePasswordStrength, MIN_PASSWORD_LENGTH } from '../lib/password-strength';
import { Field, controlClasses, type FieldBaseProps } from './Field';

export interface PasswordFieldProps
  extends FieldBaseProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> {
  ref?: Ref<HTMLInputElement>;
  /**
   * `new-password` shows the strength guide; `current-password` doesn't; `off` is for a password
   * that is not this account's (a PDF's), which no password manager should fill in.
   */
  autoComplete: 'current-password' | 'new-password' | 'off';
  /** The person's name and email, so the guide can warn about passwords built from them. */
  personal?: readonly string[];
  /** The current text, for the strength guide (pass the watched form value). */
  strengthOf?: string;
}

/** A password input with a Show/Hide button and, for new passwords, a strength guide. */
export function PasswordField({
  label,
  hint,
  error,
  optional,
  required,
  id,
  layout,
  className,
  ref,
  autoComplete,
  personal,
  strengthOf,
  ...input
}: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const generated = useId();
  const controlId = id ?? `password${generated.replace(/:/g, '')}`;
  const showStrength = autoComplete === 'new-password' && strengthOf !== undefined;
  return (
    <div className={className}>
      <Field
        label={label}
        hint={hint}
        error={error}
        optional={optional}
        required={required}
        id={controlId}
        layout={layout}
      >
        {(control) => (
          <div className="relative">
            <input
              ref={ref}
              type={visible ? 'text' : 'password'}
              autoComplete={autoComplete}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required={required}
              className={controlClasses(Boolean(error), 'pr-20')}
              {...control}
              {...input}
            />
            <button
              type="button"
              onClick={() => setVisible((shown) => !shown)}
              aria-controls={controlId}
              aria-pressed={visible}
              aria-label={visible ? 'Hide password' : 'Show password'}
              className="absolute inset-y-1 right-1 rounded-md px-3 text-sm font-medium text-teal-800 hover:bg-teal-50"
            >
              {visible ? 'Hide' : 'Show'}
            </button>
          </div>
        )}
      </Field>
      {showStrength ? <StrengthMeter password={strengthOf} personal={personal} /> : null}
    </div>
  );
}

const BAR_COLOURS = ['bg-slate-200', 'bg-red-600', 'bg-amber-500', 'bg-teal-600', 'bg-teal-700'] as const;
const LABEL_COLOURS = [
  'text-slate-600',
  'text-red-700',
  'text-amber-800',
  'text-teal-800',
  'text-teal-800',
] as const;

/** Four bars and a word; the words are announced politely as they change. */
export function StrengthMeter({
  password,
  personal = [],
}: {
  password: string;
  personal?: readonly string[];
}) {
  const strength = estimatePasswordStrength(password, personal);
  return (
    <div className="mt-2.5">
      <div aria-hidden="true" className="flex gap-1.5">
        {[1, 2, 3, 4].map((bar) => (
          <span
            key={bar}
            className={cn(
              'h-1.5 flex-1 rounded-full transition-colors',
              strength.score >= bar ? BAR_COLOURS[strength.score] : 'bg-slate-200',
            )}
          />
        ))}
      </div>
      <div aria-live="polite" className="mt-1.5 min-h-5 text-sm">
        {password === '' ? (
          <p className="text-slate-600">
            Use at least {MIN_PASSWORD_LENGTH} characters. A phrase of a few words works well.
          </p>
        ) : (
          <p>
            <span className={cn('font-medium', LABEL_COLOURS[strength.score])}>
              {strength.score === 0 ? strength.label : `Strength: ${strength.label.toLowerCase()}`}
            </span>
            {strength.hint ? <span className="text-slate-600"> — {strength.hint}</span> : null}
          </p>
        )}
      </div>
    </div>
  );
}
