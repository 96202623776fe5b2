import { useRef, useState, type DragEvent } from 'react';
import { Button } from '../../components';
import { cn } from '../../lib/cn';
import { CameraIcon, UploadIcon } from './icons';
import { ACCEPT_ATTRIBUTE } from './upload';

export interface UploadZoneProps {
  onFiles: (files: File[]) => void;
  className?: string;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Where files go in: drag and drop, a "Choose files" button (keyboard and screen readers use
 * this), and on touch screens "Take a photo" with the back camera.
 */
export function UploadZone({ onFiles, className }: UploadZoneProps) {
  const chooser = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const depth = useRef(0);
  const [dragging, setDragging] = useState(false);

  const take = (list: FileList | null, input?: HTMLInputElement | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length) onFiles(files);
    // Choosing the same file again should still fire a change.
    if (input) input.value = '';
  };

  return (
    <div
      className={cn(
        'relative rounded-2xl border-2 border-dashed bg-white px-5 py-8 text-center transition-colors sm:px-8 sm:py-10',
        dragging ? 'border-teal-600 bg-teal-50/70' : 'border-slate-300',
        className,
      )}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        take(event.dataTransfer.files);
      }}
    >
      <span
        aria-hidden="true"
        className="mx-auto flex size-12 items-center justify-center rounded-full bg-teal-50 text-teal-700 ring-1 ring-teal-100"
      >
        <UploadIcon className="size-6" />
      </span>
      <p className="mt-4 text-base font-semibold text-slate-900">
        {dragging ? 'Drop to upload' : 'Add your tax documents'}
      </p>
      <p className="mx-auto mt-1 max-w-md text-sm text-pretty text-slate-600">
        Income statements, receipts, and bank, dividend, interest and private health statements.
        <span className="hidden sm:inline"> Drag files here, or choose them.</span>
      </p>
      <div className="mt-5 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
        <Button icon={<UploadIcon className="size-4" />} onClick={() => chooser.current?.click()}>
          Choose files
        </Button>
        {/* Phones and tablets: straight to the back camera. (A wrapper, since the button sets its own display.) */}
        <div className="hidden pointer-coarse:block">
          <Button
            variant="secondary"
            className="w-full sm:w-auto"
            icon={<CameraIcon className="size-4" />}
            onClick={() => camera.current?.click()}
          >
            Take a photo
          </Button>
        </div>
      </div>
      <p className="mt-4 text-xs text-slate-500">
        PDF, JPEG, PNG or HEIC, and bank exports as CSV, OFX or QIF — up to 20&nbsp;MB each.
      </p>
      <input
        ref={chooser}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        hidden
        aria-label="Choose files to upload"
        onChange={(event) => take(event.target.files, event.target)}
      />
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label="Take a photo of a document"
        onChange={(event) => take(event.target.files, event.target)}
      />
    </div>
  );
}
