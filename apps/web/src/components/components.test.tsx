import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type FormEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Alert } from './Alert';
import { Button } from './Button';
import { TextField } from './Field';
import { MoneyInput } from './MoneyInput';
import { Switch } from './Toggle';

describe('TextField', () => {
  it('labels the input and ties the hint and error to it with aria-describedby', () => {
    render(
      <TextField label="Full name" hint="As on your tax file number record" error="Enter your full name." />,
    );
    const input = screen.getByLabelText('Full name');
    const describedBy = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['As on your tax file number record', 'Enter your full name.']);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('has no error wiring when there is no error', () => {
    render(<TextField label="Email" hint="We’ll send a code" />);
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')?.split(' ')).toHaveLength(1);
  });
});

describe('MoneyInput', () => {
  function Harness({ onValue }: { onValue: (value: number | undefined) => void }) {
    const [value, setValue] = useState<number | undefined>(undefined);
    return (
      <MoneyInput
        label="Interest"
        value={value}
        onChange={(next) => {
          setValue(next);
          onValue(next);
        }}
      />
    );
  }

  it('parses what is typed and shows the amount formatted after leaving the field', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    render(<Harness onValue={onValue} />);
    const input = screen.getByLabelText('Interest') as HTMLInputElement;

    await user.type(input, '1234.5');
    expect(onValue).toHaveBeenLastCalledWith(1234.5);
    expect(input.value).toBe('1234.5');
    await user.tab();
    expect(input.value).toBe('1,234.50');

    await user.clear(input);
    expect(onValue).toHaveBeenLastCalledWith(undefined);
  });

  it('keeps text that is not an amount so it can be corrected, and reports NaN', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    render(<Harness onValue={onValue} />);
    const input = screen.getByLabelText('Interest') as HTMLInputElement;

    await user.type(input, '12abc');
    await user.tab();
    expect(input.value).toBe('12abc');
    expect(onValue).toHaveBeenLastCalledWith(Number.NaN);
    expect(input.getAttribute('inputmode')).toBe('decimal');
  });
});

describe('Switch', () => {
  it('is a labelled switch that toggles with the keyboard', async () => {
    const user = userEvent.setup();
    function Harness() {
      const [on, setOn] = useState(false);
      return <Switch label="I have a study loan" checked={on} onCheckedChange={setOn} />;
    }
    render(<Harness />);
    const control = screen.getByRole('switch', { name: 'I have a study loan' });
    expect(control.getAttribute('aria-checked')).toBe('false');
    control.focus();
    await user.keyboard(' ');
    expect(control.getAttribute('aria-checked')).toBe('true');
  });
});

describe('Button and Alert', () => {
  it('marks a loading button busy, ignores presses and submission, and keeps it focusable', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    const onSubmit = vi.fn((event: FormEvent) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <input aria-label="Name" />
        <Button type="submit" loading onClick={onClick}>
          Save
        </Button>
      </form>,
    );
    const button = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    button.focus();
    expect(document.activeElement).toBe(button);
    await user.click(button);
    await user.type(screen.getByLabelText('Name'), 'x{Enter}');
    expect(onClick).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('announces errors assertively and leaves static notices alone', () => {
    render(
      <>
        <Alert tone="error" title="Couldn’t save" />
        <Alert tone="info" title="Heads up" />
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Couldn’t save');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
