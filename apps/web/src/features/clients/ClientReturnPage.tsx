import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, ApiErrorAlert, Button, Page, Spinner } from '../../components';
import { formatDateTime, formatIncomeYear } from '../../lib/format';
import { useReturn } from '../returns/api';
import { ReviewContent } from '../returns/review/ReviewContent';
import { StatusBadge } from '../returns/StatusBadge';
import { estimateFromStored } from '../returns/stored-estimate';

/**
 * /clients/:ownerId/:year — a client's return as their reviewer sees it: read-only, the checklist,
 * a comment thread on every item, and sign-off.
 */
export function ClientReturnPage() {
  const { ownerId = '', year = '' } = useParams();
  const query = useReturn(year, ownerId);
  const view = query.data;
  const estimate = useMemo(() => (view ? estimateFromStored(view) : null), [view]);
  const name = view?.owner?.name || 'Client';
  return (
    <Page
      title={`${name} · ${formatIncomeYear(year)}`}
      eyebrow={
        <span>
          <Link to="/clients" className="hover:underline">
            Clients
          </Link>
          <span aria-hidden="true" className="px-1.5">
            /
          </span>
          <Link to={`/clients/${ownerId}`} className="hover:underline">
            {name}
          </Link>
        </span>
      }
      heading={`${name}’s ${formatIncomeYear(year)} return`}
      actions={view ? <StatusBadge view={view} /> : undefined}
      width="narrow"
    >
      {query.isPending ? (
        <div className="flex justify-center py-16 text-slate-500">
          <Spinner size="lg" label="Loading the return" />
        </div>
      ) : query.isError ? (
        <ApiErrorAlert
          error={query.error}
          actions={
            <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-6">
          <Alert tone="info" title="You’re reviewing — read-only">
            You can comment on any item and sign the return off. Only {name} can change it.
            {query.data.lodgment
              ? ` It was lodged in the sandbox on ${formatDateTime(query.data.lodgment.lodgedAt)}.`
              : ''}
          </Alert>
          <ReviewContent
            view={query.data}
            estimate={estimate}
            items={query.data.items}
            ownerId={ownerId}
            mode="reviewer"
            version={query.data.version}
          />
        </div>
      )}
    </Page>
  );
}
