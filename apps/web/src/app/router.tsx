import { createBrowserRouter, type RouteObject } from 'react-router';
import { Spinner } from '../components';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { ReturnsPage } from '../features/returns/ReturnsPage';
import { AppShell } from './AppShell';
import { RouteError } from './RouteError';

function InitialLoading() {
  return (
    <div className="flex min-h-dvh items-center justify-center text-slate-500">
      <Spinner size="lg" label="Loading Numeri" />
    </div>
  );
}

/** Every route of the app. Exported so tests can mount them in a memory router. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    hydrateFallbackElement: <InitialLoading />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <DashboardPage /> },
          {
            path: 'calculator',
            // The calculator brings the chart library; load it only when it is opened.
            lazy: async () => ({
              Component: (await import('../features/calculator/CalculatorPage')).CalculatorPage,
            }),
          },
          { path: 'documents', element: <DocumentsPage /> },
          { path: 'returns', element: <ReturnsPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
