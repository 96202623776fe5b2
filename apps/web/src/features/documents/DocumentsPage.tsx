import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentDto,
  type DocumentStatus,
  type DocumentTypeName,
} from '@numeri/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, ApiErrorAlert, Button, Card, controlClasses, Page, Select, Spinner } from '../../components';
import { cn } from '../../lib/cn';
import { DeleteDocumentDialog } from './DeleteDocumentDialog';
import { DOCUMENT_TYPE_NAMES, INCOME_YEAR_OPTIONS, STATUS_INFO, STATUS_ORDER } from './document-labels';
import { DocumentList } from './DocumentList';
import {
  useDocumentList,
  useDocumentSearch,
  useReprocessDocument,
  type DocumentFilters,
} from './documents-api';
import { DocumentsTabs } from './DocumentsTabs';
import { SearchIcon } from './icons';
import { useOwnerScope } from './owner-scope';
import { PasswordDialog } from './PasswordDialog';
import { SearchResults } from './SearchResults';
import { POLL_MS, useDocumentEvents } from './use-document-events';
import { UploadQueue } from './UploadQueue';
import { useUploads } from './use-uploads';
import { UploadZone } from './UploadZone';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** A polite live region: status changes and upload outcomes are read out once. */
function useAnnouncer() {
  const [message, setMessage] = useState('');
  const announce = (text: string) =>
    // A changed string is announced again even when the words repeat.
    setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
  const region = (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {message}
    </div>
  );
  return { announce, region };
}

export function DocumentsPage() {
  const scope = useOwnerScope();
  const [params, setParams] = useSearchParams();
  const filters: DocumentFilters = {
    type: oneOf<DocumentTypeName>(DOCUMENT_TYPES, params.get('type')),
    incomeYear: oneOf(
      INCOME_YEAR_OPTIONS.map((o) => o.value),
      params.get('year'),
    ),
    status: oneOf<DocumentStatus>(DOCUMENT_STATUSES, params.get('status')),
  };
  const query = params.get('q')?.trim() ?? '';
  const filtered = Boolean(filters.type || filters.incomeYear || filters.status);

  const { announce, region } = useAnnouncer();
  const mode = useDocumentEvents({
    enabled: !scope.readOnly,
    onStatusChange: (before, event) =>
      announce(`${before.originalName} ${STATUS_INFO[event.status].announcement}.`),
  });
  const list = useDocumentList(filters, scope.ownerId, { poll: mode !== 'live', pollMs: POLL_MS });
  const search = useDocumentSearch(query, scope.ownerId);
  const uploads = useUploads({
    onUploaded: (document) => announce(`${document.originalName} uploaded. Numeri is reading it now.`),
  });
  const reprocess = useReprocessDocument();
  const [passwordFor, setPasswordFor] = useState<DocumentDto | null>(null);
  const [deleting, setDeleting] = useState<DocumentDto | null>(null);

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const documents = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  // Announce outcomes of uploads that didn't become documents (refused, already there).
  const outcomes = uploads.items.filter((item) => item.state === 'rejected' || item.state === 'duplicate');
  const lastOutcome = outcomes.at(-1);
  useEffect(() => {
    if (!lastOutcome) return;
    announce(
      lastOutcome.state === 'duplicate'
        ? `${lastOutcome.file.name} was already uploaded.`
        : `${lastOutcome.file.name} wasn’t uploaded. ${lastOutcome.reason ?? ''}`,
    );
    // Only when a new outcome appears (announce itself changes every render).
  }, [lastOutcome?.key, lastOutcome?.state]);

  return (
    <Page
      title="Documents"
      width="default"
      description={
        scope.readOnly
          ? 'Your client’s documents, as they uploaded them. You can read them but not change them.'
          : 'Upload your income statements, receipts and statements. Numeri reads them and suggests figures for your return — you check each one before anything is added.'
      }
    >
      {region}
      <DocumentsTabs />
      {scope.readOnly ? (
        <Alert tone="info" title="Read-only view" className="mb-6">
          You’re viewing a client’s documents with the access they gave you.
        </Alert>
      ) : (
        <div className="mb-8 space-y-4">
          <UploadZone onFiles={(files) => uploads.add(files)} />
          <UploadQueue
            items={uploads.items}
            onCancel={uploads.cancel}
            onDismiss={uploads.dismiss}
            onRetry={uploads.retry}
          />
        </div>
      )}

      <section aria-labelledby="your-documents-heading">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-2">
          <h2 id="your-documents-heading" className="text-lg font-semibold text-slate-900">
            {scope.readOnly ? 'Documents' : 'Your documents'}
          </h2>
          {mode === 'polling' && !scope.readOnly ? (
            <p className="text-xs text-slate-500">Checking for updates every few seconds.</p>
          ) : null}
        </div>

        <SearchBox value={query} onSearch={(value) => setParam('q', value || undefined)} />

        {query ? (
          <SearchResults
            query={query}
            result={search.data}
            isPending={search.isPending}
            isFetching={search.isFetching}
            error={search.error}
            link={scope.link}
          />
        ) : (
          <>
            <div className="mb-4 grid gap-3 sm:grid-cols-3">
              <Select
                label="Type"
                value={filters.type ?? ''}
                onChange={(event) => setParam('type', event.target.value || undefined)}
                options={[
                  { value: '', label: 'All types' },
                  ...DOCUMENT_TYPES.map((type) => ({ value: type, label: DOCUMENT_TYPE_NAMES[type] })),
                ]}
              />
              <Select
                label="Income year"
                value={filters.incomeYear ?? ''}
                onChange={(event) => setParam('year', event.target.value || undefined)}
                options={[{ value: '', label: 'All years' }, ...INCOME_YEAR_OPTIONS]}
              />
              <Select
                label="Status"
                value={filters.status ?? ''}
                onChange={(event) => setParam('status', event.target.value || undefined)}
                options={[
                  { value: '', label: 'Any status' },
                  ...STATUS_ORDER.map((status) => ({ value: status, label: STATUS_INFO[status].label })),
                ]}
              />
            </div>

            {list.isPending ? (
              <Card className="flex justify-center py-10 text-slate-500">
                <Spinner label="Loading your documents" />
              </Card>
            ) : list.isError ? (
              <ApiErrorAlert
                error={list.error}
                title="We couldn’t load your documents"
                actions={
                  <Button variant="secondary" size="sm" onClick={() => void list.refetch()}>
                    Try again
                  </Button>
                }
              />
            ) : documents.length === 0 ? (
              filtered ? (
                <Card tone="muted" className="text-center">
                  <p className="text-sm text-slate-700">No documents match these filters.</p>
                  <Button
                    variant="secondary"
                    size="sm"
                    className="mt-3"
                    onClick={() =>
                      setParams(
                        (current) => {
                          const next = new URLSearchParams(current);
                          for (const name of ['type', 'year', 'status']) next.delete(name);
                          return next;
                        },
                        { replace: true },
                      )
                    }
                  >
                    Clear filters
                  </Button>
                </Card>
              ) : (
                <EmptyState readOnly={scope.readOnly} />
              )
            ) : (
              <Card padding="none">
                <DocumentList
                  documents={documents}
                  readOnly={scope.readOnly}
                  link={scope.link}
                  onPassword={setPasswordFor}
                  onDelete={setDeleting}
                  onRetry={(document) =>
                    reprocess.mutate(
                      { id: document.id },
                      { onSuccess: () => announce(`Reading ${document.originalName} again.`) },
                    )
                  }
                  retrying={reprocess.isPending ? reprocess.variables?.id : undefined}
                />
                {list.hasNextPage ? (
                  <div className="border-t border-slate-100 p-4 text-center">
                    <Button
                      variant="secondary"
                      size="sm"
                      loading={list.isFetchingNextPage}
                      onClick={() => void list.fetchNextPage()}
                    >
                      Show more
                    </Button>
                  </div>
                ) : null}
              </Card>
            )}
            {reprocess.error ? <ApiErrorAlert error={reprocess.error} className="mt-4" /> : null}
          </>
        )}
      </section>

      <PasswordDialog
        document={passwordFor}
        onClose={() => setPasswordFor(null)}
        onUnlocked={(document) => announce(`${document.originalName} is open. Numeri is reading it now.`)}
      />
      <DeleteDocumentDialog
        document={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(document) => announce(`${document.originalName} was deleted.`)}
      />
    </Page>
  );
}

/** The search field: searches as the person pauses typing, and on Enter. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (value: string) => void }) {
  const [text, setText] = useState(value);
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });
  // Follow the URL when it changes from outside (back button, "clear"), not while typing.
  useEffect(() => setText((current) => (current.trim() === value ? current : value)), [value]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === value) return;
    const timer = setTimeout(() => search.current(trimmed), 350);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <form
      role="search"
      className="mb-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor="document-search" className="text-sm font-medium text-slate-900">
        Search inside your documents
      </label>
      <div className="relative mt-2">
        <SearchIcon className="pointer-events-none absolute inset-y-0 left-3 my-auto size-4 text-slate-400" />
        <input
          id="document-search"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="An employer, a shop, an amount…"
          autoComplete="off"
          maxLength={200}
          className={cn(controlClasses(false), 'pl-9')}
        />
      </div>
    </form>
  );
}

function EmptyState({ readOnly }: { readOnly: boolean }) {
  return (
    <Card tone="muted">
      <p className="text-sm font-semibold text-slate-900">
        {readOnly ? 'No documents yet.' : 'Nothing uploaded yet'}
      </p>
      {readOnly ? null : (
        <>
          <p className="mt-1 text-sm text-slate-600">Good places to start:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>Your income statement from myGov, or a PAYG payment summary from your employer</li>
            <li>Receipts for work expenses and donations — a phone photo is fine</li>
            <li>Interest, dividend and private health insurance statements</li>
            <li>A CSV export of your bank account, to find deductions you might have missed</li>
          </ul>
        </>
      )}
    </Card>
  );
}
