import { createBrowserRouter, type RouteObject } from 'react-router';
import { Spinner } from '../components';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { ReturnsPage } from '../features/returns/ReturnsPage';
import { returnRoutes } from '../features/returns/routes';
import { clientRoutes } from '../features/clients/routes';
import { AppShell } from './AppShell';
import { EnrolmentGate, RequireAuth } from './guards';
import { RouteError } from './RouteError';

function InitialLoading() {
  return (
    <div className="flex min-h-dvh items-center justify-center text-slate-500">
      <Spinner size="lg" label="Loading Numeri" />
    </div>
  );
}

/** Pages that anyone can open: the calculator and the steps of signing up, in and back in. */
const publicRoutes: RouteObject[] = [
  {
    path: 'calculator',
    // The calculator brings the chart library; load it only when it is opened.
    lazy: async () => ({
      Component: (await import('../features/calculator/CalculatorPage')).CalculatorPage,
    }),
  },
  {
    path: 'sign-in',
    lazy: async () => ({ Component: (await import('../features/sign-in/SignInPage')).SignInPage }),
  },
  {
    path: 'sign-up',
    lazy: async () => ({ Component: (await import('../features/sign-up/SignUpPage')).SignUpPage }),
  },
  {
    path: 'verify-email',
    lazy: async () => ({ Component: (await import('../features/sign-up/VerifyEmailPage')).VerifyEmailPage }),
  },
  {
    path: 'forgot-password',
    lazy: async () => ({
      Component: (await import('../features/password-reset/ForgotPasswordPage')).ForgotPasswordPage,
    }),
  },
  {
    path: 'reset-password',
    lazy: async () => ({
      Component: (await import('../features/password-reset/ResetPasswordPage')).ResetPasswordPage,
    }),
  },
  {
    path: 'confirm-email-change',
    lazy: async () => ({
      Component: (await import('../features/profile/ConfirmEmailChangePage')).ConfirmEmailChangePage,
    }),
  },
  {
    path: 'account-closed',
    lazy: async () => ({
      Component: (await import('../features/profile/AccountClosedPage')).AccountClosedPage,
    }),
  },
];

/** Pages for a signed-in person (others are sent to sign in and brought back). */
const signedInRoutes: RouteObject[] = [
  { index: true, element: <DashboardPage /> },
  {
    path: 'documents',
    lazy: async () => ({ Component: (await import('../features/documents/DocumentsPage')).DocumentsPage }),
  },
  {
    path: 'documents/transactions',
    lazy: async () => ({
      Component: (await import('../features/transactions/TransactionsPage')).TransactionsPage,
    }),
  },
  {
    path: 'documents/:id',
    lazy: async () => ({
      Component: (await import('../features/documents/review/DocumentReviewPage')).DocumentReviewPage,
    }),
  },
  { path: 'returns', element: <ReturnsPage /> },
  ...returnRoutes,
  ...clientRoutes,
  {
    path: 'profile',
    lazy: async () => ({ Component: (await import('../features/profile/ProfilePage')).ProfilePage }),
  },
  {
    path: 'profile/reviewers',
    lazy: async () => ({ Component: (await import('../features/reviewers/ReviewersPage')).ReviewersPage }),
  },
  {
    path: 'security',
    lazy: async () => ({ Component: (await import('../features/security/SecurityPage')).SecurityPage }),
  },
  {
    path: 'invitations/accept',
    lazy: async () => ({
      Component: (await import('../features/reviewers/AcceptInvitationPage')).AcceptInvitationPage,
    }),
  },
];

/** Every route of the app. Exported so tests can mount them in a memory router. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    hydrateFallbackElement: <InitialLoading />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          {
            element: <EnrolmentGate />,
            children: [
              ...publicRoutes,
              { element: <RequireAuth />, children: signedInRoutes },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
