import type { TaxReturnView } from '@numeri/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link, Outlet, useBlocker, useMatch, useParams } from 'react-router';
import {
  Alert,
  ApiErrorAlert,
  Button,
  Dialog,
  DialogActions,
  Page,
  Spinner,
  useDocumentTitle,
} from '../../components';
import { isApiError } from '../../lib/api';
import { formatIncomeYear } from '../../lib/format';
import { fetchReturn, patchReturn, returnKeys, useComments, useReturn } from './api';
import { EstimatePanel } from './estimate/EstimatePanel';
import { assessLive } from './live-assessment';
import { ProgressRail } from './ProgressRail';
import { ReturnSaver, type SaverSnapshot } from './return-saver';
import { ConflictDialog, SaveStatus } from './SaveStatus';
import { stepOfMissing, visibleSteps, type StepId } from './sections';
import { estimateFromStored } from './stored-estimate';
import { StartReturnCard } from './StartReturn';
import { StatusBadge } from './StatusBadge';
import { WorkspaceContext, type Workspace } from './workspace-context';

function LeaveGuard({ snapshot }: { snapshot: SaverSnapshot }) {
  // Changes the server hasn't accepted (offline, refused) would be lost by leaving the return.
  const risky = snapshot.pending > 0 && (snapshot.state === 'offline' || snapshot.state === 'error');
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      risky && !nextLocation.pathname.startsWith(currentLocation.pathname.split('/').slice(0, 3).join('/')),
  );
  return (
    <Dialog
      open={blocker.state === 'blocked'}
      onOpenChange={(open) => {
        if (!open) blocker.reset?.();
      }}
      title="Your latest changes aren’t saved yet"
      description="Numeri couldn’t reach the server to save them. If you leave this return now, they will be lost."
      tone="danger"
    >
      <DialogActions>
        <Button variant="secondary" onClick={() => blocker.reset?.()}>
          Stay and keep them
        </Button>
        <Button variant="danger" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function WorkspaceLoaded({ initial, latest }: { initial: TaxReturnView; latest: TaxReturnView }) {
  const queryClient = useQueryClient();
  const year = initial.incomeYear;
  const [saver] = useState(
    () =>
      new ReturnSaver(initial, {
        send: patchReturn,
        onSaved: (view) => {
          queryClient.setQueryData(returnKeys.detail(view.incomeYear), view);
          void queryClient.invalidateQueries({ queryKey: returnKeys.list() });
        },
      }),
  );
  useEffect(() => {
    saver.start();
    return () => saver.stop();
  }, [saver]);
  // The cached copy is shown at once; a newer one from the refetch (say, a receipt just confirmed
  // into this return on the Documents page) replaces it unless the person has unsaved edits.
  useEffect(() => {
    saver.adopt(latest);
  }, [saver, latest]);
  const snapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot);
  const comments = useComments(year).data ?? [];

  // The engine runs on every edit; a deferred copy keeps typing smooth on slow phones.
  const draft = useDeferredValue(snapshot.draft);
  const readOnly = snapshot.state === 'readonly';
  const live = useMemo(() => assessLive(year, draft.facts, draft.sections, draft.items), [year, draft]);
  const lastGood = useRef(live.estimate);
  if (live.estimate) lastGood.current = live.estimate;
  const stored = useMemo(() => estimateFromStored(snapshot.server), [snapshot.server]);
  const estimate = readOnly ? stored : (live.estimate ?? lastGood.current ?? stored);
  const missing = readOnly ? snapshot.server.missing : live.missing;

  const workspace = useMemo<Workspace>(() => {
    const missingById = new Map(missing.map((m) => [m.id, m]));
    const steps = visibleSteps(
      draft.sections,
      draft.items,
      missing.map((m) => m.id),
      draft.facts,
    );
    const neededSteps = new Set<StepId>(missing.map((m) => stepOfMissing(m.id)));
    return {
      year,
      saver,
      snapshot,
      live: readOnly ? { ...live, missing } : live,
      estimate,
      missingById,
      steps,
      readOnly,
      comments,
      neededSteps,
    };
  }, [year, saver, snapshot, live, estimate, missing, draft, readOnly, comments]);

  const [loadingNewer, setLoadingNewer] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const loadNewer = async () => {
    setLoadingNewer(true);
    setLoadError(null);
    try {
      const view = await fetchReturn(year);
      queryClient.setQueryData(returnKeys.detail(year), view);
      saver.replace(view);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoadingNewer(false);
    }
  };

  const onReview = useMatch('/returns/:year/review');
  const onIndex = useMatch('/returns/:year');
  const wide = !onReview && !(onIndex && readOnly);

  return (
    <WorkspaceContext value={workspace}>
      <div className="mx-auto w-full max-w-7xl px-4 pt-6 pb-32 sm:px-6 lg:px-8 lg:pb-12">
        <div className="mb-6 flex flex-col gap-3 border-b border-slate-200 pb-5 sm:flex-row sm:items-end sm:justify-between">
          <div className="min-w-0">
            <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
              <Link to="/returns" className="hover:text-slate-900 hover:underline">
                Returns
              </Link>
              <span aria-hidden="true" className="px-1.5 text-slate-400">
                /
              </span>
              <span>{formatIncomeYear(year)}</span>
            </nav>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
              <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">
                Your {formatIncomeYear(year)} tax return
              </h1>
              <StatusBadge view={snapshot.server} />
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <SaveStatus snapshot={snapshot} saver={saver} />
            {!readOnly && !onReview ? (
              <Link
                to={`/returns/${year}/review`}
                className="text-sm font-medium text-teal-800 underline decoration-teal-800/30 underline-offset-2 hover:decoration-teal-800"
              >
                Review and lodge
              </Link>
            ) : null}
          </div>
        </div>

        {readOnly && !onIndex && !onReview ? (
          <Alert
            tone="info"
            className="mb-6"
            title="This return is lodged and can’t be changed"
            actions={
              <Link to={`/returns/${year}`} className="text-sm font-medium underline underline-offset-2">
                See the lodgment and amend it
              </Link>
            }
          >
            You are looking at what was lodged. To correct something, start an amendment.
          </Alert>
        ) : null}

        {wide ? (
          <div className="grid gap-6 lg:grid-cols-[12.5rem_minmax(0,1fr)_19rem] lg:gap-8">
            <ProgressRail />
            <div className="min-w-0">
              <Outlet />
            </div>
            <EstimatePanel />
          </div>
        ) : (
          <Outlet />
        )}
      </div>
      <ConflictDialog
        open={snapshot.state === 'conflict'}
        unsaved={snapshot.state === 'conflict' ? saver.describePending() : []}
        onLoadNewer={() => void loadNewer()}
        loading={loadingNewer}
        error={loadError}
      />
      <LeaveGuard snapshot={snapshot} />
    </WorkspaceContext>
  );
}

/** /returns/:year — loads the return, then keeps it in an autosaving workspace for every step. */
export function ReturnWorkspace() {
  const { year = '' } = useParams();
  const query = useReturn(year);
  useDocumentTitle(`${formatIncomeYear(year)} return`);
  if (query.isPending) {
    return (
      <div className="flex min-h-[50vh] items-center justify-center text-slate-500">
        <Spinner size="lg" label="Loading your return" />
      </div>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Page
          title={`${formatIncomeYear(year)} return`}
          heading={`No return for ${formatIncomeYear(year)} yet`}
          width="narrow"
        >
          <StartReturnCard defaultYear={year} />
        </Page>
      );
    }
    return (
      <Page title="Your return" width="narrow">
        <ApiErrorAlert
          error={query.error}
          actions={
            <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        />
      </Page>
    );
  }
  // A new revision (an amendment) starts a fresh workspace.
  return <WorkspaceLoaded key={query.data.id} initial={query.data} latest={query.data} />;
}
