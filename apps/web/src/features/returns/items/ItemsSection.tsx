import type { DeductionLabel, ReturnItem } from '@numeri/contracts';
import { useRef, useState, type ReactNode } from 'react';
import { Button } from '../../../components';
import { cn } from '../../../lib/cn';
import { blankItem, describeItem, KIND_SPECS } from '../item-specs';
import type { ItemKind } from '../sections';
import { NeededBadge } from '../ui/controls';
import { PlusIcon } from '../ui/icons';
import { useWorkspace } from '../workspace-context';
import { ItemCard } from './ItemCard';
import { ItemEditor } from './ItemEditor';

export function newId(): string {
  return crypto.randomUUID();
}

/** Which items of the draft this list shows. */
export function itemsOf(items: readonly ReturnItem[], kind: ItemKind, labels?: readonly DeductionLabel[]) {
  return items.filter(
    (item) => item.kind === kind && (item.kind !== 'deduction' || !labels || labels.includes(item.label)),
  );
}

/** A carried-forward employer with no figures yet still needs this year's income statement. */
function neededOnItem(item: ReturnItem): string | undefined {
  if (
    item.kind === 'employment' &&
    item.source === 'carried-forward' &&
    item.grossPaymentsCents === 0 &&
    item.taxWithheldCents === 0
  )
    return 'Add this year’s figures from the income statement, or remove it if you no longer work here.';
  if (item.kind === 'rental-property' && item.source === 'carried-forward' && item.grossRentCents === 0)
    return 'Add this year’s rent and expenses, or remove it if you sold it before this year.';
  return undefined;
}

export interface EditorRenderProps {
  item: Record<string, unknown>;
  isNew: boolean;
  onCommit: (item: ReturnItem) => void;
  onDone: () => void;
  onRemove: () => void;
}

/**
 * The items of one kind on a step: cards, editing in place, adding and removing (with undo).
 * `renderEditor` replaces the generic editor (the car and working-from-home helpers).
 */
export function ItemsSection({
  kind,
  labels,
  neededReason,
  renderEditor,
  renderCardExtra,
  single = false,
  emptyText,
}: {
  kind: ItemKind;
  labels?: readonly DeductionLabel[];
  /** The step's "add at least one" question is still open. */
  neededReason?: string | null;
  renderEditor?: (props: EditorRenderProps) => ReactNode;
  renderCardExtra?: (item: ReturnItem) => ReactNode;
  /** Only one item of this kind (working from home). */
  single?: boolean;
  emptyText?: string;
}) {
  const { snapshot, saver, readOnly } = useWorkspace();
  const spec = KIND_SPECS[kind];
  const items = itemsOf(snapshot.draft.items, kind, labels);
  const [openId, setOpenId] = useState<string | null>(null);
  const [fresh, setFresh] = useState<{ id: string; item: Record<string, unknown> } | null>(null);
  const [removed, setRemoved] = useState<ReturnItem | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);

  const focusLater = (get: () => HTMLElement | null | undefined) => setTimeout(() => get()?.focus(), 0);

  const startNew = () => {
    const id = newId();
    setFresh({ id, item: blankItem(kind, id, labels?.[0] ? { label: labels[0] } : {}) });
    setOpenId(id);
    setRemoved(null);
  };

  const close = (id: string) => {
    setOpenId(null);
    if (fresh?.id === id) setFresh(null);
    focusLater(() => editButtons.current.get(id) ?? addButton.current);
  };

  const remove = (item: ReturnItem) => {
    saver.removeItem(item.id);
    setRemoved(item);
    if (openId === item.id) setOpenId(null);
    focusLater(() => addButton.current);
  };

  const editorFor = (item: Record<string, unknown>, id: string, isNew: boolean) => {
    const props: EditorRenderProps = {
      item,
      isNew,
      onCommit: (next) => saver.upsertItem(next),
      onDone: () => close(id),
      onRemove: () => {
        const existing = saver.getSnapshot().draft.items.find((candidate) => candidate.id === id);
        if (existing) {
          if (isNew) {
            saver.removeItem(id);
            close(id);
          } else remove(existing);
        } else close(id);
      },
    };
    return (
      <div key={id}>
        {renderEditor ? (
          renderEditor(props)
        ) : (
          <ItemEditor
            kind={kind}
            initial={item}
            labels={labels}
            isNew={isNew}
            onCommit={props.onCommit}
            onDone={props.onDone}
            onRemove={props.onRemove}
          />
        )}
      </div>
    );
  };

  const freshIsSaved = fresh ? items.some((item) => item.id === fresh.id) : false;
  const rows: { id: string; item: ReturnItem | Record<string, unknown>; saved: boolean }[] = [
    ...items.map((item) => ({ id: item.id, item, saved: true })),
    ...(fresh && !freshIsSaved ? [{ id: fresh.id, item: fresh.item, saved: false }] : []),
  ];
  const canAdd = !readOnly && !(single && (items.length > 0 || fresh));

  return (
    <div className="flex flex-col gap-4">
      {neededReason && items.length === 0 && !fresh ? (
        <div className="flex items-start justify-between gap-3 rounded-xl bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
          <p className="text-amber-950">{neededReason}</p>
          <NeededBadge />
        </div>
      ) : null}
      {items.length === 0 && !fresh && !neededReason && emptyText ? (
        <p className="text-sm text-slate-600">{emptyText}</p>
      ) : null}
      <ul className="flex flex-col gap-4">
        {rows.map(({ id, item, saved }) =>
          !saved || (openId === id && !readOnly) ? (
            // The same key before and after a new item's first save, so typing carries on undisturbed.
            <li key={id}>
              {editorFor(fresh?.id === id ? { ...fresh.item, ...item } : item, id, fresh?.id === id)}
            </li>
          ) : (
            <li key={id}>
              <ItemCard
                item={item as ReturnItem}
                needed={neededOnItem(item as ReturnItem)}
                onChange={(next) => saver.upsertItem(next)}
                onEdit={() => {
                  setOpenId(id);
                  setFresh(null);
                }}
                onRemove={() => remove(item as ReturnItem)}
                editRef={(element) => {
                  if (element) editButtons.current.set(id, element);
                  else editButtons.current.delete(id);
                }}
              >
                {renderCardExtra?.(item as ReturnItem)}
              </ItemCard>
            </li>
          ),
        )}
      </ul>
      <div aria-live="polite" className="text-sm empty:hidden">
        {removed ? (
          <p className="flex flex-wrap items-center gap-2 rounded-lg bg-slate-100 px-3 py-2 text-slate-700">
            Removed {describeItem(removed)}.
            <button
              type="button"
              className="font-medium text-teal-800 underline underline-offset-2"
              onClick={() => {
                saver.upsertItem(removed);
                setRemoved(null);
              }}
            >
              Undo
            </button>
          </p>
        ) : null}
      </div>
      {canAdd ? (
        <div>
          <Button
            ref={addButton}
            variant={items.length === 0 ? 'primary' : 'secondary'}
            icon={<PlusIcon className="size-4" />}
            onClick={startNew}
            className={cn(items.length === 0 && neededReason ? 'ring-2 ring-amber-300 ring-offset-2' : '')}
          >
            {items.length > 0 && !single
              ? spec.addLabel.replace(/^Add (a|an) /, 'Add another ')
              : spec.addLabel}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
