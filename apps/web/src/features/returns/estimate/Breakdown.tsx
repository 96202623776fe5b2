import type { EstimateResponse, ReturnItem } from '@numeri/contracts';
import * as Accordion from '@radix-ui/react-accordion';
import { Link } from 'react-router';
import { ChevronDownIcon, DocumentIcon } from '../../../components';
import { cn } from '../../../lib/cn';
import { formatMoney } from '../../../lib/format';
import { lineLinks, linkText } from '../evidence';
import { KIND_SPECS } from '../item-specs';
import { itemsForLine } from '../live-assessment';
import { SourceLink } from '../ui/controls';

/** Line inputs whose key ended in "Cents" arrive in dollars without the suffix; these read as money. */
const MONEY_KEY =
  /(amount|income|tax|rent|credits|levy|threshold|claimed|total|offset|repaid|reported|entitlement|withheld|withholding|instalments|premium|rebate|gain|loss|refund|cost|shortcut|fixedRate|Method|deduction|expenses|value|balance|repayment|liability|other)$/i;
const NOT_MONEY =
  /(percent|days|hours|kilometres|basisPoints|Rate(Percent)?$|^cars$|months|children|centsPerKilometre|centsPerHour)/i;

function inputValue(key: string, value: number | string | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    const money = key === 'fixedRate' || (MONEY_KEY.test(key) && !NOT_MONEY.test(key));
    return money ? formatMoney(value) : value.toLocaleString('en-AU', { maximumFractionDigits: 4 });
  }
  return value;
}

function inputLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Acme Pty Ltd: from Income statement — Acme (gross payments), page 1" for each item behind a line. */
export function EvidenceList({ lineId, items }: { lineId: string; items: readonly ReturnItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="mt-3 space-y-1.5 text-xs">
      {items.map((item) => {
        const name = KIND_SPECS[item.kind].title(item);
        if (item.evidence.length === 0) {
          return (
            <li key={item.id} className="text-slate-600">
              {name}:{' '}
              {item.source === 'carried-forward'
                ? 'carried forward from last year'
                : item.source === 'transaction'
                  ? 'from a bank transaction'
                  : 'you typed this in (no document attached)'}
            </li>
          );
        }
        return lineLinks(lineId, item).map((link, index) => (
          <li key={`${item.id}-${link.documentId}-${index}`} className="flex items-start gap-1.5">
            <DocumentIcon className="mt-px size-3.5 shrink-0 text-slate-400" />
            <span className="text-slate-600">
              {name}: from{' '}
              <Link
                to={`/documents/${link.documentId}`}
                className="font-medium text-teal-800 underline decoration-teal-800/30 underline-offset-2 hover:decoration-teal-800"
              >
                {linkText(link)}
              </Link>
            </span>
          </li>
        ));
      })}
    </ul>
  );
}

/** Every line of the assessment: open one for its rule, figures, source and the documents behind it. */
export function Breakdown({ estimate, items }: { estimate: EstimateResponse; items: readonly ReturnItem[] }) {
  if (estimate.lines.length === 0)
    return <p className="text-sm text-slate-600">Add some income to see how your tax is worked out.</p>;
  return (
    <Accordion.Root
      type="multiple"
      className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200"
    >
      {estimate.lines.map((line) => {
        const behind = itemsForLine(line.id, items);
        return (
          <Accordion.Item key={line.id} value={line.id} className="group/item">
            <Accordion.Header className="text-sm">
              <Accordion.Trigger
                className={cn(
                  'flex w-full items-center gap-3 px-4 py-3 text-left transition-colors hover:bg-slate-50',
                  'focus-visible:outline-offset-[-2px] group-first/item:rounded-t-xl group-last/item:rounded-b-xl',
                  'data-[state=open]:bg-slate-50',
                )}
              >
                <span className="min-w-0 flex-1 font-medium text-slate-800">{line.label}</span>
                <span className="shrink-0 font-medium text-slate-900 tabular">
                  {formatMoney(line.amount)}
                </span>
                <ChevronDownIcon className="size-4 shrink-0 text-slate-400 transition-transform duration-200 group-data-[state=open]/item:rotate-180" />
              </Accordion.Trigger>
            </Accordion.Header>
            <Accordion.Content className="px-4 pt-1 pb-4 text-sm leading-6 text-slate-700">
              <p>{line.explanation}</p>
              {Object.keys(line.inputs).length > 0 ? (
                <dl className="mt-3 grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-3 text-xs">
                  {Object.entries(line.inputs).map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="text-slate-500">{inputLabel(key)}</dt>
                      <dd className="text-right text-slate-800 tabular">{inputValue(key, value)}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              <EvidenceList lineId={line.id} items={behind} />
              <div className="mt-3 space-y-1 text-xs text-slate-500">
                <p>
                  Source:{' '}
                  {line.source.url ? (
                    <SourceLink source={{ title: line.source.title, url: line.source.url }} />
                  ) : (
                    <span className="text-slate-700">{line.source.title}</span>
                  )}
                </p>
                <p>
                  Rule: <code className="font-mono break-all text-slate-600">{line.rule}</code>
                </p>
              </div>
            </Accordion.Content>
          </Accordion.Item>
        );
      })}
    </Accordion.Root>
  );
}
