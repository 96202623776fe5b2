import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert, ApiErrorAlert, Button, Card, Checkbox, ShieldIcon, useDocumentTitle } from '../../components';
import { isApiError } from '../../lib/api';
import { formatIncomeYear } from '../../lib/format';
import { lodgeReturn, returnKeys } from './api';
import { LodgedView } from './LodgedView';
import { ReviewContent } from './review/ReviewContent';
import { StepHeading } from './StepLayout';
import { useWorkspace } from './workspace-context';

export const SANDBOX_NOTICE =
  'Sandbox lodgment: nothing is sent to the ATO. Numeri records a receipt and freezes your return so you can see the whole process. To lodge for real, use myTax or a registered tax agent with your PDF or JSON.';

/** Lodge through the sandbox: the declaration, a plain "not sent to the ATO", then the second factor. */
function LodgeCard() {
  const { saver, snapshot, live, year } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [declared, setDeclared] = useState(false);
  const [declarationError, setDeclarationError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = live.missing.length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!declared) {
      setDeclarationError('Tick the declaration to lodge.');
      document.getElementById('lodge-declaration')?.focus();
      return;
    }
    setDeclarationError(undefined);
    setError(null);
    setBusy(true);
    try {
      // Lodge exactly what is saved: send anything still waiting first.
      const saved = await saver.flush();
      if (!saved) throw saver.getSnapshot().error ?? new Error('Your latest changes could not be saved.');
      const view = await lodgeReturn(year, saver.getSnapshot().version);
      queryClient.setQueryData(returnKeys.detail(year), view);
      void queryClient.invalidateQueries({ queryKey: returnKeys.list() });
      saver.replace(view);
      void navigate(`/returns/${year}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const stepUpCancelled = isApiError(error) && error.code === 'STEP_UP_REQUIRED';
  return (
    <section aria-labelledby="lodge-title">
      <h2 id="lodge-title" className="text-lg font-semibold text-slate-900">
        Lodge
      </h2>
      <Card padding="lg" className="mt-4">
        <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
          <Alert tone="warning" title="Sandbox — not sent to the ATO" icon={<ShieldIcon />}>
            {SANDBOX_NOTICE}
          </Alert>
          {missing > 0 ? (
            <Alert
              tone="info"
              title={`${missing === 1 ? 'One answer is' : `${missing} answers are`} still needed before you can lodge`}
            >
              Finish the items under “Still needed” above. Your estimate may change when you do.
            </Alert>
          ) : null}
          <Checkbox
            id="lodge-declaration"
            label="I declare that the information in this return is true and correct"
            hint="And that I have the records the ATO expects for every claim, and will keep them for five years."
            checked={declared}
            error={declarationError}
            onChange={(event) => {
              setDeclared(event.target.checked);
              if (event.target.checked) setDeclarationError(undefined);
            }}
          />
          {error && !stepUpCancelled ? (
            <ApiErrorAlert error={error}>
              {isApiError(error) && error.hasFieldErrors ? (
                <>
                  <p>{error.detail ?? 'The return is not ready to lodge yet.'}</p>
                  <ul className="mt-2 list-disc pl-5">
                    {Object.values(error.fieldErrors).map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                </>
              ) : undefined}
            </ApiErrorAlert>
          ) : null}
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
            <Button
              type="submit"
              size="lg"
              loading={busy}
              disabled={missing > 0 || snapshot.state === 'conflict'}
            >
              Lodge in the sandbox
            </Button>
            <p className="text-sm text-slate-600">You’ll be asked for a code from your authenticator app.</p>
          </div>
        </form>
      </Card>
    </section>
  );
}

/** /returns/:year/review — the checklist, review threads, the full working, downloads and lodging. */
export function ReviewPage() {
  const workspace = useWorkspace();
  const { snapshot, saver, year, estimate, readOnly, live } = workspace;
  useDocumentTitle(`Review · ${formatIncomeYear(year)} return`);
  // The checklist is the server's, for the saved version: save what's waiting now.
  useEffect(() => {
    if (!readOnly) void saver.flush();
  }, [saver, readOnly]);
  if (readOnly) return <LodgedView />;
  const missing = live.missing.length;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <StepHeading
        title="Review and lodge"
        intro={
          missing === 0
            ? 'Everything the estimate needs is answered. Check the list below, then lodge.'
            : `${missing === 1 ? 'One thing needs' : `${missing} things need`} an answer before you can lodge. Each one links to where you fix it.`
        }
      />
      <ReviewContent
        view={snapshot.server}
        estimate={estimate}
        items={snapshot.draft.items}
        mode="owner"
        version={snapshot.version}
        lodgeSlot={<LodgeCard />}
      />
    </div>
  );
}
