import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { Alert, ApiErrorAlert, Button, Card, CheckCircleIcon, useDocumentTitle } from '../../components';
import { formatDateTime, formatIncomeYear } from '../../lib/format';
import { amendReturn, returnKeys } from './api';
import { ReviewContent } from './review/ReviewContent';
import { visibleSteps } from './sections';
import { StepHeading } from './StepLayout';
import { PencilIcon } from './ui/icons';
import { useWorkspace } from './workspace-context';

const EVENT_NAMES: Record<string, string> = {
  submitted: 'Submitted',
  validated: 'Checked',
  'recorded (sandbox)': 'Recorded in the sandbox',
};

/** A lodged return: read-only, with its receipt, its status events and "Amend this return". */
export function LodgedView() {
  const { snapshot, estimate, year } = useWorkspace();
  const view = snapshot.server;
  const lodgment = view.lodgment;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [amending, setAmending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(`Lodged · ${formatIncomeYear(year)} return`);
  const amend = async () => {
    setAmending(true);
    setError(null);
    try {
      const amendment = await amendReturn(year);
      // A new revision: the workspace starts again from it.
      queryClient.setQueryData(returnKeys.detail(year), amendment);
      void queryClient.invalidateQueries({ queryKey: returnKeys.list() });
      void navigate(`/returns/${year}/about-you`);
    } catch (err) {
      setError(err);
      setAmending(false);
    }
  };
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <StepHeading
        title={view.status === 'superseded' ? 'Replaced by an amendment' : 'Lodged'}
        intro="This return can no longer change. To correct something, start an amendment: a new version that keeps this one as it was."
      />
      {lodgment ? (
        <Card as="section" aria-labelledby="lodgment-receipt" padding="lg" tone="accent">
          <div className="flex flex-col gap-5 sm:flex-row sm:items-start sm:justify-between">
            <div>
              <h3
                id="lodgment-receipt"
                className="flex items-center gap-2 text-base font-semibold text-slate-900"
              >
                <CheckCircleIcon className="size-5 text-teal-700" />
                Lodged in the sandbox on {formatDateTime(lodgment.lodgedAt)}
              </h3>
              <p className="mt-2 text-sm text-slate-700">
                Receipt number{' '}
                <span
                  className="font-mono text-base font-semibold tracking-wide text-slate-900"
                  data-testid="receipt-number"
                >
                  {lodgment.receiptNumber}
                </span>
              </p>
            </div>
            {view.status === 'lodged' ? (
              <Button
                variant="secondary"
                icon={<PencilIcon className="size-4" />}
                loading={amending}
                onClick={() => void amend()}
              >
                Amend this return
              </Button>
            ) : null}
          </div>
          <Alert tone="warning" title="Not sent to the ATO" className="mt-5">
            {lodgment.notice}
          </Alert>
          {lodgment.events.length > 0 ? (
            <div className="mt-5">
              <h4 className="text-sm font-semibold text-slate-900">Status</h4>
              <ol className="mt-3 border-l-2 border-teal-200 pl-4">
                {lodgment.events.map((event, index) => (
                  <li key={`${event.status}-${index}`} className="relative pb-3 last:pb-0">
                    <span
                      aria-hidden="true"
                      className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-teal-600"
                    />
                    <p className="text-sm font-medium text-slate-900">
                      {EVENT_NAMES[event.status] ?? event.status}
                    </p>
                    <p className="text-sm text-slate-600">{event.detail}</p>
                    <p className="text-xs text-slate-500">{formatDateTime(event.at)}</p>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          <ApiErrorAlert error={error} className="mt-4" />
        </Card>
      ) : null}
      <ReviewContent
        view={view}
        estimate={estimate}
        items={view.items}
        mode="owner"
        version={view.version}
        showChecklist={false}
      />
    </div>
  );
}

/** /returns/:year — where to start: the lodgment if lodged, else the next thing to answer. */
export function ReturnIndex() {
  const { snapshot, readOnly, year, live, neededSteps } = useWorkspace();
  if (readOnly) return <LodgedView />;
  const { draft } = snapshot;
  if (draft.sections.length === 0 && draft.items.length === 0)
    return <Navigate to={`/returns/${year}/personalise`} replace />;
  const steps = visibleSteps(
    draft.sections,
    draft.items,
    live.missing.map((m) => m.id),
    draft.facts,
  );
  const target = steps.find((step) => neededSteps.has(step.id)) ?? steps[0];
  return <Navigate to={`/returns/${year}/${target?.id ?? 'about-you'}`} replace />;
}
