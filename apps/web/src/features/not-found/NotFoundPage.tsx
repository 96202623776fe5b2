import { Link, useLocation } from 'react-router';
import { buttonClasses, Page } from '../../components';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Page
      title="Page not found"
      eyebrow="404"
      width="narrow"
      description={
        <>
          There’s no page at{' '}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm break-all text-slate-800">
            {pathname}
          </code>
          . The link may be out of date, or the address may have a typo.
        </>
      }
    >
      <div className="flex flex-wrap gap-3">
        <Link to="/" className={buttonClasses({ variant: 'primary' })}>
          Go to the dashboard
        </Link>
        <Link to="/calculator" className={buttonClasses({ variant: 'secondary' })}>
          Estimate your tax
        </Link>
      </div>
    </Page>
  );
}
