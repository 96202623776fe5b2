import type { ChangeEvent, InputHTMLAttributes, Ref } from 'react';
import { cn } from '../lib/cn';
import { controlClasses, Field, type FieldBaseProps } from './Field';

export interface OneTimeCodeFieldProps
  extends FieldBaseProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> {
  ref?: Ref<HTMLInputElement>;
  /** `totp`: the 6-digit code from an authenticator app. `recovery`: a one-use code like k7m2p-q9xw4. */
  kind?: 'totp' | 'recovery';
}

/**
 * The code from an authenticator app (numeric keypad on phones, offered from SMS/password
 * managers via `autocomplete="one-time-code"`), or a recovery code. Spaces typed or pasted into a
 * 6-digit code are dropped as you type.
 */
export function OneTimeCodeField({
  label,
  hint,
  error,
  optional,
  required,
  id,
  layout,
  className,
  ref,
  kind = 'totp',
  onChange,
  ...input
}: OneTimeCodeFieldProps) {
  const totp = kind === 'totp';
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    if (totp) event.target.value = event.target.value.replace(/\D/g, '').slice(0, 6);
    onChange?.(event);
  };
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
          type="text"
          required={required}
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
          {...(totp
            ? { inputMode: 'numeric' as const, autoComplete: 'one-time-code', pattern: '[0-9]*' }
            : { inputMode: 'text' as const, autoComplete: 'off', placeholder: 'xxxxx-xxxxx' })}
          className={controlClasses(
            Boolean(error),
            cn('font-mono text-lg tracking-[0.25em] sm:text-lg', totp ? 'max-w-[11rem]' : 'max-w-[15rem]'),
          )}
          {...control}
          {...input}
          onChange={handleChange}
        />
      )}
    </Field>
  );
}
