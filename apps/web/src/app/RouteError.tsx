import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Alert, buttonClasses, Page } from '../components';

/** Shown inside the shell when a page fails to load or render. */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed/i.test(error.message);
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'This page didn’t load';
  return (
    <Page title="Something went wrong" width="narrow">
      <Alert
        tone="error"
        title={title}
        actions={
          <>
            <button
              type="button"
              className={buttonClasses({ variant: 'primary' })}
              onClick={() => window.location.reload()}
            >
              Reload the page
            </button>
            <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
              Go to the dashboard
            </Link>
          </>
        }
      >
        {chunkFailed
          ? 'A newer version of Numeri is available, or your connection dropped while the page was loading. Reloading usually fixes it.'
          : 'Something unexpected happened while showing this page. Your information hasn’t been changed. Try reloading; if it keeps happening, let us know.'}
      </Alert>
    </Page>
  );
}
