import type { RouteObject } from 'react-router';

/** A reviewer's clients: the taxpayers who gave them access, and their returns (read-only). */
export const clientRoutes: RouteObject[] = [
  { path: 'clients', lazy: async () => ({ Component: (await import('./ClientsPage')).ClientsPage }) },
  {
    path: 'clients/:ownerId',
    lazy: async () => ({ Component: (await import('./ClientsPage')).ClientReturnsPage }),
  },
  {
    path: 'clients/:ownerId/:year',
    lazy: async () => ({ Component: (await import('./ClientReturnPage')).ClientReturnPage }),
  },
];
