import { useId, useState } from 'react';
import { Alert, Button, Checkbox, CopyIcon, DownloadIcon, PrintIcon } from '../../components';
import { printLines, saveBlob } from '../../lib/download';
import { formatDate } from '../../lib/format';

function fileLines(codes: readonly string[], email: string | undefined): string[] {
  return [
    `Numeri recovery codes${email ? ` for ${email}` : ''}`,
    `Created ${formatDate(new Date())}`,
    'Each code works once, instead of a code from your authenticator app. Keep them somewhere safe.',
    '',
    ...codes,
  ];
}

export interface RecoveryCodesPanelProps {
  codes: readonly string[];
  email?: string;
  /** Called when the person confirms they saved the codes. */
  onDone: () => void;
  doneLabel?: string;
}

/**
 * New recovery codes, shown once: copy, download as .txt or print them, and confirm they're
 * saved before moving on.
 */
export function RecoveryCodesPanel({ codes, email, onDone, doneLabel = 'Done' }: RecoveryCodesPanelProps) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const headingId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="space-y-5">
      <Alert tone="warning" title="Save these recovery codes now — they won’t be shown again">
        If you lose your phone, each code lets you sign in once instead of a code from your app.
      </Alert>
      <div>
        <h3 id={headingId} className="sr-only">
          Your recovery codes
        </h3>
        <ol
          aria-labelledby={headingId}
          className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-xl bg-slate-50 p-4 font-mono text-[0.9375rem] text-slate-900 ring-1 ring-slate-200 sm:grid-cols-2 sm:p-5"
        >
          {codes.map((code) => (
            <li key={code} className="tabular select-all">
              {code}
            </li>
          ))}
        </ol>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          icon={<CopyIcon className="size-4" />}
          onClick={() => void copy()}
        >
          Copy
        </Button>
        <Button
          variant="secondary"
          size="sm"
          icon={<DownloadIcon className="size-4" />}
          onClick={() =>
            saveBlob(
              new Blob([`${fileLines(codes, email).join('\n')}\n`], { type: 'text/plain;charset=utf-8' }),
              'numeri-recovery-codes.txt',
            )
          }
        >
          Download .txt
        </Button>
        <Button
          variant="secondary"
          size="sm"
          icon={<PrintIcon className="size-4" />}
          onClick={() => printLines('Numeri recovery codes', fileLines(codes, email).slice(1))}
        >
          Print
        </Button>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-slate-600">
        {copied === 'copied'
          ? 'Copied. Paste them into your password manager.'
          : copied === 'failed'
            ? 'Your browser didn’t allow copying. Download or print them instead.'
            : ''}
      </p>
      <div className="border-t border-slate-100 pt-5">
        <Checkbox
          label="I’ve saved my recovery codes somewhere safe"
          checked={saved}
          onChange={(event) => setSaved(event.target.checked)}
        />
        <Button className="mt-4" disabled={!saved} onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}
