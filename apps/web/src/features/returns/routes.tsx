import type { RouteObject } from 'react-router';

/**
 * The return workspace and its steps. Loaded on demand: they bring the tax engine, which runs in
 * the browser for the live estimate.
 */
export const returnRoutes: RouteObject[] = [
  {
    path: 'returns/:year',
    lazy: async () => ({ Component: (await import('./ReturnWorkspace')).ReturnWorkspace }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./LodgedView')).ReturnIndex }) },
      {
        path: 'personalise',
        lazy: async () => ({ Component: (await import('./PersonalisePage')).PersonalisePage }),
      },
      { path: 'review', lazy: async () => ({ Component: (await import('./ReviewPage')).ReviewPage }) },
      { path: ':step', lazy: async () => ({ Component: (await import('./StepPage')).StepPage }) },
    ],
  },
];
