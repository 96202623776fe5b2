import { accountClosedSchema } from '@numeri/contracts';
import { Link, useLocation } from 'react-router';
import { AuthLayout, buttonClasses, CheckCircleIcon } from '../../components';
import { formatDate } from '../../lib/format';

/** Shown once, after closing the account (the details come from the close response). */
export function AccountClosedPage() {
  const location = useLocation();
  const parsed = accountClosedSchema.safeParse(location.state);
  const closed = parsed.success ? parsed.data : null;
  return (
    <AuthLayout
      title="Your account is closed"
      icon={<CheckCircleIcon className="size-6" />}
      description="You’ve been signed out on every device."
    >
      <div className="space-y-3 text-sm leading-6 text-slate-700" role="status">
        {closed ? (
          <>
            <p>{closed.message}</p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
              <dt className="text-slate-600">Closed</dt>
              <dd className="font-medium text-slate-900">{formatDate(closed.closedAt)}</dd>
              <dt className="text-slate-600">Data deleted</dt>
              <dd className="font-medium text-slate-900">{formatDate(closed.deletionDueAt)}</dd>
            </dl>
          </>
        ) : (
          <p>Your records are kept only for as long as the law requires, then deleted.</p>
        )}
        <p>Thank you for using Numeri.</p>
      </div>
      <Link to="/calculator" className={`${buttonClasses({ variant: 'secondary', fullWidth: true })} mt-6`}>
        Go to the tax calculator
      </Link>
    </AuthLayout>
  );
}
