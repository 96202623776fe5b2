import type { ReturnItem } from '@numeri/contracts';
import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import { Badge, Button, DocumentIcon } from '../../../components';
import { cn } from '../../../lib/cn';
import { documentLinks, linkText } from '../evidence';
import { KIND_SPECS } from '../item-specs';
import { MessageIcon, PencilIcon, TrashIcon } from '../ui/icons';
import { useWorkspace } from '../workspace-context';
import { RecordsCheck } from './RecordsCheck';

function SourceBadge({ item }: { item: ReturnItem }) {
  if (item.source === 'document') return <Badge tone="info">From a document</Badge>;
  if (item.source === 'transaction') return <Badge tone="info">From a bank transaction</Badge>;
  if (item.source === 'carried-forward') return <Badge tone="warning">From last year — check it</Badge>;
  return null;
}

/** Links to the documents an item's figures came from (one per document). */
export function EvidenceLinks({
  item,
  onUnlink,
}: {
  item: ReturnItem;
  onUnlink?: (documentId: string) => void;
}) {
  const links = documentLinks(item.evidence);
  if (links.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-col gap-1.5 text-sm">
      {links.map((link) => (
        <li key={link.documentId} className="flex items-start gap-2">
          <DocumentIcon className="mt-0.5 size-4 shrink-0 text-slate-400" />
          <span className="min-w-0">
            <Link
              to={`/documents/${link.documentId}`}
              className="font-medium text-teal-800 underline decoration-teal-800/30 underline-offset-2 hover:decoration-teal-800"
            >
              {linkText(link)}
            </Link>
            {link.figures > 1 ? (
              <span className="text-slate-500"> · {link.figures} figures read from it</span>
            ) : null}
            {onUnlink ? (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() => onUnlink(link.documentId)}
                  className="text-xs whitespace-nowrap text-slate-500 underline underline-offset-2 hover:text-slate-800"
                >
                  Unlink <span className="sr-only">{link.document}</span>
                </button>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** An open reviewer comment on this item, with the way to answer it. */
export function OpenComments({ itemId }: { itemId: string }) {
  const { comments, year } = useWorkspace();
  const open = comments.filter((c) => c.itemId === itemId && !c.resolvedAt);
  if (open.length === 0) return null;
  const latest = open[open.length - 1]!;
  return (
    <div className="mt-3 flex items-start gap-2 rounded-lg bg-sky-50 p-3 text-sm ring-1 ring-sky-200">
      <MessageIcon className="mt-0.5 size-4 shrink-0 text-sky-700" />
      <p className="min-w-0 text-sky-950">
        <span className="font-medium">{latest.author.name}:</span> {latest.body}{' '}
        <Link
          to={`/returns/${year}/review#thread-${itemId}`}
          className="font-medium whitespace-nowrap underline underline-offset-2"
        >
          Reply{open.length > 1 ? ` (${open.length} open)` : ''}
        </Link>
      </p>
    </div>
  );
}

export function ItemCard({
  item,
  onEdit,
  onRemove,
  onChange,
  editRef,
  needed,
  children,
}: {
  item: ReturnItem;
  onEdit?: () => void;
  onRemove?: () => void;
  onChange?: (item: ReturnItem) => void;
  editRef?: Ref<HTMLButtonElement>;
  /** Something on this item still needs an answer. */
  needed?: string;
  children?: ReactNode;
}) {
  const spec = KIND_SPECS[item.kind];
  const { readOnly } = useWorkspace();
  const title = spec.title(item);
  return (
    <article
      id={`item-${item.id}`}
      aria-label={title}
      className={cn(
        'scroll-mt-24 rounded-2xl bg-white p-5 shadow-xs ring-1 sm:p-6',
        needed ? 'ring-2 ring-amber-300' : 'ring-slate-200',
      )}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-base font-semibold break-words text-slate-900">{title}</h3>
            <SourceBadge item={item} />
          </div>
          <p className="mt-1 text-sm text-slate-600 tabular">{spec.summary(item)}</p>
          {needed ? <p className="mt-1 text-sm font-medium text-amber-900">{needed}</p> : null}
        </div>
        {!readOnly && (onEdit || onRemove) ? (
          <div className="flex shrink-0 gap-2">
            {onEdit ? (
              <Button
                ref={editRef}
                variant="secondary"
                size="sm"
                icon={<PencilIcon className="size-4" />}
                onClick={onEdit}
              >
                Edit <span className="sr-only">{title}</span>
              </Button>
            ) : null}
            {onRemove ? (
              <Button variant="ghost" size="sm" icon={<TrashIcon className="size-4" />} onClick={onRemove}>
                Remove <span className="sr-only">{title}</span>
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {children}
      <EvidenceLinks
        item={item}
        onUnlink={
          !readOnly && onChange
            ? (documentId) =>
                onChange({
                  ...item,
                  evidence: item.evidence.filter((e) => e.documentId !== documentId),
                } as ReturnItem)
            : undefined
        }
      />
      <RecordsCheck item={item} onChange={onChange} />
      <OpenComments itemId={item.id} />
    </article>
  );
}
