import type { DocumentDto } from '@numeri/contracts';
import { ApiErrorAlert, Button, Dialog, DialogActions } from '../../components';
import { useDeleteDocument } from './documents-api';

export interface DeleteDocumentDialogProps {
  document: Pick<DocumentDto, 'id' | 'originalName' | 'kind' | 'confirmedAt'> | null;
  onClose: () => void;
  onDeleted?: (document: Pick<DocumentDto, 'id' | 'originalName'>) => void;
}

/** "Delete payslip.pdf?" — says what else goes with it before anything is removed. */
export function DeleteDocumentDialog({ document, onClose, onDeleted }: DeleteDocumentDialogProps) {
  const remove = useDeleteDocument();
  const consequences = document
    ? document.kind === 'bank-file'
      ? 'The transactions imported from it go too, and any deductions you claimed from them are taken off your draft returns.'
      : document.confirmedAt
        ? 'The figures it added to your draft return are taken off too. Returns you have already lodged are not changed.'
        : 'Nothing from it is on your return yet.'
    : '';
  return (
    <Dialog
      open={document !== null}
      onOpenChange={(open) => {
        if (!open && !remove.isPending) {
          remove.reset();
          onClose();
        }
      }}
      size="sm"
      tone="danger"
      title={document ? `Delete ${document.originalName}?` : 'Delete document?'}
      description={`The file and the text read from it are deleted for good. ${consequences}`}
    >
      <ApiErrorAlert error={remove.error} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={remove.isPending}>
          Keep it
        </Button>
        <Button
          variant="danger"
          loading={remove.isPending}
          onClick={() => {
            if (!document) return;
            remove.mutate(document.id, {
              onSuccess: () => {
                onDeleted?.(document);
                onClose();
              },
            });
          }}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
