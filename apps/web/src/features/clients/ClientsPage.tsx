import { Link, useParams } from 'react-router';
import {
  ApiErrorAlert,
  ArrowRightIcon,
  Badge,
  Button,
  Card,
  Page,
  Spinner,
  UsersIcon,
} from '../../components';
import { formatDate } from '../../lib/format';
import { useReturns } from '../returns/api';
import { ReturnRow } from '../returns/ReturnsPage';
import { useDelegations } from '../reviewers/reviewers-api';

/** /clients — the taxpayers who invited the signed-in person to review their returns. */
export function ClientsPage() {
  const delegations = useDelegations();
  const clients = (delegations.data?.received ?? []).filter(
    (d) => d.status === 'active' || d.status === 'invited',
  );
  return (
    <Page
      title="Clients"
      description="People who invited you to review their tax returns. You can read their returns, comment on any item and sign them off; you can’t change them."
    >
      {delegations.isPending ? (
        <div className="flex justify-center py-16 text-slate-500">
          <Spinner size="lg" label="Loading your clients" />
        </div>
      ) : delegations.isError ? (
        <ApiErrorAlert
          error={delegations.error}
          actions={
            <Button variant="secondary" size="sm" onClick={() => void delegations.refetch()}>
              Try again
            </Button>
          }
        />
      ) : clients.length === 0 ? (
        <Card padding="lg" className="flex items-start gap-4">
          <UsersIcon className="size-6 shrink-0 text-slate-400" />
          <div>
            <h2 className="text-base font-semibold text-slate-900">No clients yet</h2>
            <p className="mt-1 text-sm leading-6 text-slate-600">
              When a taxpayer invites you from their “Tax agent access” page, you’ll get an email. Accept it,
              and they appear here.
            </p>
          </div>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {clients.map((delegation) => {
            const active = delegation.status === 'active';
            const content = (
              <>
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
                    {delegation.owner.name || delegation.owner.email}
                    {active ? null : <Badge tone="warning">Invitation not accepted yet</Badge>}
                  </p>
                  <p className="mt-0.5 text-sm text-slate-600">
                    {delegation.owner.email} ·{' '}
                    {delegation.acceptedAt
                      ? `since ${formatDate(delegation.acceptedAt)}`
                      : `invited ${formatDate(delegation.createdAt)}`}
                  </p>
                </div>
                {active ? (
                  <span className="inline-flex items-center gap-1 text-sm font-medium text-teal-800">
                    Open returns
                    <ArrowRightIcon className="size-4" />
                  </span>
                ) : null}
              </>
            );
            return (
              <li key={delegation.id}>
                {active ? (
                  <Link
                    to={`/clients/${delegation.owner.id}`}
                    className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 hover:ring-slate-300 sm:flex-row sm:items-center sm:justify-between"
                  >
                    {content}
                  </Link>
                ) : (
                  <div className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 sm:flex-row sm:items-center sm:justify-between">
                    {content}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}

/** /clients/:ownerId — one client's returns. */
export function ClientReturnsPage() {
  const { ownerId = '' } = useParams();
  const delegations = useDelegations();
  const client = delegations.data?.received.find((d) => d.owner.id === ownerId);
  const returns = useReturns(ownerId);
  const name = client?.owner.name || client?.owner.email || 'Client';
  return (
    <Page
      title={name}
      eyebrow={
        <Link to="/clients" className="hover:underline">
          Clients
        </Link>
      }
      description="Their returns, newest year first. Open one to read it, comment and sign it off."
    >
      {returns.isPending ? (
        <div className="flex justify-center py-16 text-slate-500">
          <Spinner size="lg" label="Loading their returns" />
        </div>
      ) : returns.isError ? (
        <ApiErrorAlert error={returns.error} />
      ) : returns.data.length === 0 ? (
        <Card padding="lg">
          <p className="text-sm text-slate-600">{name} hasn’t started a return yet.</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {returns.data.map((summary) => (
            <ReturnRow
              key={summary.id}
              summary={summary}
              readOnly
              to={`/clients/${ownerId}/${summary.incomeYear}`}
            />
          ))}
        </ul>
      )}
    </Page>
  );
}
