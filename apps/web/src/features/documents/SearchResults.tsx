import type { documentSearchResultSchema } from '@numeri/contracts';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ApiErrorAlert, Card, Spinner } from '../../components';
import { formatIncomeYear } from '../../lib/format';
import { documentKindName, shortDate } from './document-labels';
import { StatusChip } from './StatusChip';

type SearchResult = z.infer<typeof documentSearchResultSchema>;
export type SnippetSegment = SearchResult['items'][number]['snippet'][number];

/**
 * A search snippet. The server sends plain text split into segments (it marks the matches with
 * ts_headline's StartSel/StopSel and splits on them), so each segment is rendered as text and the
 * matches as <mark>: nothing in a document can become markup here.
 */
export function Snippet({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <p className="text-sm leading-6 text-slate-700">
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 font-medium text-slate-900">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}

export interface SearchResultsProps {
  query: string;
  result: SearchResult | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  link: (path: string) => string;
}

export function SearchResults({ query, result, isPending, isFetching, error, link }: SearchResultsProps) {
  if (error) return <ApiErrorAlert error={error} title="The search didn’t work" />;
  if (isPending && !result) {
    return (
      <Card className="flex justify-center py-8 text-slate-500">
        <Spinner label="Searching your documents" />
      </Card>
    );
  }
  const items = result?.items ?? [];
  return (
    <div aria-busy={isFetching || undefined}>
      <p role="status" className="mb-3 text-sm text-slate-600">
        {items.length === 0
          ? `No documents mention “${query}”.`
          : `${items.length === 1 ? '1 document mentions' : `${items.length} documents mention`} “${query}”.`}
      </p>
      {items.length ? (
        <Card padding="none">
          <ul aria-label="Search results" className="divide-y divide-slate-100">
            {items.map(({ document, snippet }) => (
              <li key={document.id} className="p-4 sm:px-6">
                <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                  <Link
                    to={link(`/documents/${document.id}`)}
                    className="min-w-0 text-sm font-semibold break-words text-slate-900 underline-offset-2 hover:text-teal-800 hover:underline"
                  >
                    {document.originalName}
                  </Link>
                  <StatusChip status={document.status} />
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {[
                    documentKindName(document),
                    document.incomeYear ? formatIncomeYear(document.incomeYear) : null,
                    `Uploaded ${shortDate(document.createdAt)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {snippet.length ? (
                  <div className="mt-2">
                    <Snippet segments={snippet} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
