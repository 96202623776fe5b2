import type { ReturnSummary } from '@numeri/contracts';
import { Badge } from '../../components';

/** The status of a return in words, as a badge. */
export function StatusBadge({
  view,
}: {
  view: Pick<ReturnSummary, 'status' | 'revision'> & { amendsId?: string | null };
}) {
  if (view.status === 'lodged') return <Badge tone="success">Lodged (sandbox)</Badge>;
  if (view.status === 'superseded') return <Badge>Replaced by an amendment</Badge>;
  if (view.amendsId || view.revision > 1) return <Badge tone="info">Amendment {view.revision - 1}</Badge>;
  if (view.status === 'ready') return <Badge tone="info">Ready</Badge>;
  return <Badge tone="warning">In progress</Badge>;
}
