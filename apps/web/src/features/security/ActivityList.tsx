import { useState } from 'react';
import { ApiErrorAlert, Badge, Button, Card, CheckCircleIcon, Spinner, WarningIcon } from '../../components';
import { cn } from '../../lib/cn';
import { formatDateTime } from '../../lib/format';
import { describeActivity } from './activity';
import { useActivity } from './security-api';

const FIRST_PAGE = 12;

/** Recent sign-ins and security events, newest first; failures stand out. */
export function ActivityList() {
  const activity = useActivity();
  const [all, setAll] = useState(false);
  const now = Date.now();

  if (activity.isPending) {
    return (
      <Card className="flex justify-center py-8 text-slate-500">
        <Spinner label="Loading recent activity" />
      </Card>
    );
  }
  if (activity.isError) {
    return (
      <ApiErrorAlert
        error={activity.error}
        title="We couldn’t load your recent activity"
        actions={
          <Button variant="secondary" size="sm" onClick={() => void activity.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  const entries = [...activity.data].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  if (entries.length === 0) {
    return <Card className="text-sm text-slate-600">Nothing to show yet.</Card>;
  }
  const shown = all ? entries : entries.slice(0, FIRST_PAGE);
  const problems = entries.filter((entry) => describeActivity(entry, now).problem).length;

  return (
    <div className="space-y-3">
      {problems > 0 ? (
        <p className="text-sm text-slate-700">
          {problems} event{problems === 1 ? '' : 's'} below {problems === 1 ? 'needs' : 'need'} a look. If one
          wasn’t you, change your password and sign out everywhere.
        </p>
      ) : null}
      <Card padding="none">
        <ul className="divide-y divide-slate-100">
          {shown.map((entry) => {
            const line = describeActivity(entry, now);
            return (
              <li
                key={entry.id}
                className={cn('flex items-start gap-3 px-4 py-3 sm:px-6', line.problem && 'bg-red-50/60')}
              >
                {line.problem ? (
                  <WarningIcon className="mt-0.5 size-5 shrink-0 text-red-700" />
                ) : (
                  <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-slate-400" />
                )}
                <p className="min-w-0 flex-1 text-sm leading-6 break-words text-slate-600">
                  <span className={cn('font-medium', line.problem ? 'text-red-900' : 'text-slate-900')}>
                    {line.title}
                  </span>
                  {line.details ? ` · ${line.details}` : null}
                  {' · '}
                  <time dateTime={entry.occurredAt} title={formatDateTime(entry.occurredAt)}>
                    {line.when}
                  </time>
                  {line.problem ? (
                    <Badge tone="danger" className="ml-2 align-[1px]">
                      {entry.outcome === 'denied'
                        ? 'Blocked'
                        : entry.outcome === 'failure'
                          ? 'Failed'
                          : 'Check this'}
                    </Badge>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      </Card>
      {entries.length > FIRST_PAGE ? (
        <Button variant="ghost" size="sm" onClick={() => setAll((shown) => !shown)} aria-expanded={all}>
          {all ? 'Show less' : `Show all ${entries.length} events`}
        </Button>
      ) : null}
    </div>
  );
}
