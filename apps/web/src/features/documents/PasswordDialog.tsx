import type { DocumentDto } from '@numeri/contracts';
import { useState, type FormEvent } from 'react';
import { ApiErrorAlert, Button, Dialog, DialogActions, PasswordField } from '../../components';
import { isApiError } from '../../lib/api';
import { sentence } from '../../lib/forms';
import { useUnlockDocument } from './documents-api';

export interface PasswordDialogProps {
  document: Pick<DocumentDto, 'id' | 'originalName'> | null;
  onClose: () => void;
  onUnlocked?: (document: DocumentDto) => void;
}

/**
 * Asks for the password of a protected PDF. The password is sent once to open the file and is
 * not kept: it lives in this dialog's state only, which is cleared as soon as it has been sent.
 */
export function PasswordDialog({ document, onClose, onUnlocked }: PasswordDialogProps) {
  return (
    <Dialog
      open={document !== null}
      onOpenChange={(open) => !open && onClose()}
      title="Enter the PDF’s password"
      description={
        document ? (
          <>
            <span className="font-medium text-slate-900">{document.originalName}</span> is protected by a
            password. Numeri uses it once to read the file and doesn’t keep it.
          </>
        ) : undefined
      }
    >
      {document ? <PasswordForm document={document} onClose={onClose} onUnlocked={onUnlocked} /> : null}
    </Dialog>
  );
}

function PasswordForm({
  document,
  onClose,
  onUnlocked,
}: {
  document: Pick<DocumentDto, 'id' | 'originalName'>;
  onClose: () => void;
  onUnlocked: ((document: DocumentDto) => void) | undefined;
}) {
  const unlock = useUnlockDocument();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setFieldError('Enter the password.');
      return;
    }
    setFieldError(undefined);
    setError(null);
    const sent = password;
    setPassword('');
    try {
      const unlocked = await unlock.mutateAsync({ id: document.id, password: sent });
      onUnlocked?.(unlocked);
      onClose();
    } catch (caught) {
      const message = isApiError(caught) ? caught.fieldErrors.password : undefined;
      if (message) setFieldError(sentence('The password', message));
      else setError(caught);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
      <PasswordField
        label="Password"
        // The PDF's own password, not the Numeri one a password manager would fill in here.
        autoComplete="off"
        hint="Statements are often protected with your date of birth or part of your account or member number."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldError}
        autoFocus
      />
      <ApiErrorAlert error={error} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={unlock.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={unlock.isPending}>
          Open the PDF
        </Button>
      </DialogActions>
    </form>
  );
}
