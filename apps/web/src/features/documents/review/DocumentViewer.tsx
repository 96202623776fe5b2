import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, DownloadIcon, PasswordField, Spinner } from '../../../components';
import { saveBlob } from '../../../lib/download';
import { cn } from '../../../lib/cn';
import { isPasswordError, loadPdfJs } from './pdf';

/** Where on a page a field was read: fractions of the page, origin top-left (packages/extract). */
export interface PageRegion {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HighlightField {
  id: string;
  label: string;
  region: PageRegion;
}

export interface DocumentViewerProps {
  name: string;
  contentType: string;
  blob: Blob | undefined;
  loading: boolean;
  error: unknown;
  fields: readonly HighlightField[];
  /** The field highlighted now (hovered or focused here or in the list). */
  activeId: string | null;
  /** Whether the list asked for it (then the viewer scrolls to it). */
  scrollToActive: boolean;
  onHover: (id: string | null) => void;
  /** A box was clicked: go to its field. */
  onPick: (id: string) => void;
}

const ZOOMS = [1, 1.5, 2, 3];
const ZOOM_BUTTON =
  'inline-flex size-8 items-center justify-center rounded-lg text-lg leading-none text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40';

const percent = (fraction: number) => `${Math.round(fraction * 100_000) / 1000}%`;

/** The CSS box of a region on its page (percentages, so it fits any rendering size). */
export function regionStyle(region: PageRegion) {
  return {
    left: percent(region.x),
    top: percent(region.y),
    width: percent(region.w),
    height: percent(region.h),
  };
}

function RegionBox({
  field,
  active,
  onHover,
  onPick,
}: {
  field: HighlightField;
  active: boolean;
  onHover: (id: string | null) => void;
  onPick: (id: string) => void;
}) {
  return (
    // Mouse help only: every field is reachable by keyboard in the list beside the document.
    <div
      aria-hidden="true"
      data-region={field.id}
      data-testid={`region-${field.id}`}
      data-active={active || undefined}
      title={field.label}
      onMouseEnter={() => onHover(field.id)}
      onMouseLeave={() => onHover(null)}
      onClick={() => onPick(field.id)}
      style={regionStyle(field.region)}
      className={cn(
        'absolute cursor-pointer rounded-[2px] outline-offset-2 transition-colors',
        active
          ? 'z-10 bg-amber-300/35 outline-2 outline-amber-500'
          : 'bg-teal-400/10 outline-1 outline-teal-600/60 hover:bg-teal-400/20',
      )}
    >
      {active ? (
        <span className="absolute bottom-full left-0 mb-1.5 rounded bg-slate-900 px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap text-white shadow">
          {field.label}
        </span>
      ) : null}
    </div>
  );
}

function PageFrame({
  page,
  pageCount,
  aspect,
  fields,
  activeId,
  onHover,
  onPick,
  children,
}: {
  page: number;
  pageCount: number;
  aspect?: number | undefined;
  fields: readonly HighlightField[];
  activeId: string | null;
  onHover: (id: string | null) => void;
  onPick: (id: string) => void;
  children: ReactNode;
}) {
  const boxes = fields.filter((field) => field.region.page === page);
  return (
    <figure className="relative">
      <div
        className="relative overflow-visible bg-white shadow-sm ring-1 ring-slate-200"
        style={aspect ? { aspectRatio: String(aspect) } : undefined}
        data-page={page}
      >
        {children}
        {boxes.map((field) => (
          <RegionBox
            key={field.id}
            field={field}
            active={field.id === activeId}
            onHover={onHover}
            onPick={onPick}
          />
        ))}
      </div>
      {pageCount > 1 ? (
        <figcaption className="mt-1.5 text-center text-xs text-slate-500">
          Page {page} of {pageCount}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** The document itself, with the place each figure was read from outlined. */
export function DocumentViewer(props: DocumentViewerProps) {
  const { name, contentType, blob, loading, error, activeId, scrollToActive } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const canZoom =
    !loading &&
    !error &&
    Boolean(blob) &&
    (contentType === 'application/pdf' || contentType.startsWith('image/'));

  // Bring the highlighted box into view inside the viewer (never scrolls the page itself).
  useEffect(() => {
    const container = scroller.current;
    if (!activeId || !scrollToActive || !container) return;
    const box = Array.from(container.querySelectorAll<HTMLElement>('[data-region]')).find(
      (element) => element.dataset.region === activeId,
    );
    if (!box || container.scrollHeight <= container.clientHeight) return;
    const boxTop =
      box.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
    const visibleTop = container.scrollTop;
    const visibleBottom = visibleTop + container.clientHeight;
    if (boxTop > visibleTop + 40 && boxTop + box.offsetHeight < visibleBottom - 40) return;
    container.scrollTo({ top: Math.max(0, boxTop - container.clientHeight / 3), behavior: 'smooth' });
  }, [activeId, scrollToActive]);

  let body: ReactNode;
  if (loading) {
    body = (
      <div className="flex h-64 items-center justify-center text-slate-500">
        <Spinner label="Opening the document" />
      </div>
    );
  } else if (error || !blob) {
    body = (
      <Alert tone="warning" title="The document can’t be shown here">
        The figures Numeri read are still listed. Try reloading the page.
      </Alert>
    );
  } else if (contentType === 'application/pdf') {
    body = <PdfPages {...props} blob={blob} />;
  } else if (contentType.startsWith('image/')) {
    body = <ImagePage {...props} blob={blob} />;
  } else {
    body = (
      <Alert tone="info" title="This file has no pages to show">
        {name} is a data file; its contents are listed beside it.
      </Alert>
    );
  }

  const zoomIndex = ZOOMS.indexOf(zoom);
  return (
    <div className="overflow-hidden rounded-2xl bg-slate-100 ring-1 ring-slate-200">
      {canZoom ? (
        <div className="flex items-center justify-end gap-1 border-b border-slate-200 bg-white/70 px-2 py-1.5">
          <button
            type="button"
            className={ZOOM_BUTTON}
            onClick={() => setZoom(ZOOMS[Math.max(0, zoomIndex - 1)]!)}
            disabled={zoomIndex <= 0}
            aria-label="Zoom out"
          >
            −
          </button>
          <span className="w-12 text-center text-xs text-slate-600 tabular" aria-live="polite">
            {Math.round(zoom * 100)}%
          </span>
          <button
            type="button"
            className={ZOOM_BUTTON}
            onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, zoomIndex + 1)]!)}
            disabled={zoomIndex >= ZOOMS.length - 1}
            aria-label="Zoom in"
          >
            +
          </button>
        </div>
      ) : null}
      <div
        ref={scroller}
        className="max-h-[65dvh] overflow-auto p-3 sm:p-4 lg:max-h-[calc(100dvh-10rem)]"
        tabIndex={0}
        role="region"
        aria-label={`The document: ${name}`}
      >
        <div style={zoom === 1 ? undefined : { width: `${zoom * 100}%` }}>{body}</div>
      </div>
    </div>
  );
}

function ImagePage({ name, blob, fields, activeId, onHover, onPick }: DocumentViewerProps & { blob: Blob }) {
  const [url, setUrl] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    setBroken(false);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  if (broken) {
    return (
      <Alert
        tone="info"
        title="Your browser can’t show this photo"
        actions={
          <Button
            variant="secondary"
            size="sm"
            icon={<DownloadIcon className="size-4" />}
            onClick={() => saveBlob(blob, name)}
          >
            Download it
          </Button>
        }
      >
        HEIC photos from iPhones only display in Safari. Numeri has still read it: the figures are listed
        beside it.
      </Alert>
    );
  }
  return (
    <PageFrame page={1} pageCount={1} fields={fields} activeId={activeId} onHover={onHover} onPick={onPick}>
      {url ? (
        <img
          src={url}
          alt={`${name}, the uploaded photo`}
          className="block h-auto w-full"
          onError={() => setBroken(true)}
        />
      ) : (
        <div className="h-64" />
      )}
    </PageFrame>
  );
}

/** Most pages drawn at once; longer documents show a note (their fields still list). */
const MAX_PAGES = 40;

function PdfPages({ name, blob, fields, activeId, onHover, onPick }: DocumentViewerProps & { blob: Blob }) {
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'password'; wrong: boolean }
    | { status: 'error' }
    | { status: 'ready'; pdf: PDFDocumentProxy }
  >({ status: 'loading' });
  const [password, setPassword] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    setState({ status: 'loading' });
    void (async () => {
      try {
        const pdfjs = await loadPdfJs();
        const data = new Uint8Array(await blob.arrayBuffer());
        const task = pdfjs.getDocument({ data, password, isEvalSupported: false });
        destroy = () => task.destroy();
        const pdf = await task.promise;
        if (!cancelled) setState({ status: 'ready', pdf });
      } catch (error) {
        if (cancelled) return;
        if (isPasswordError(error)) setState({ status: 'password', wrong: password !== undefined });
        else setState({ status: 'error' });
      }
    })();
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [blob, password]);

  if (state.status === 'loading') {
    return (
      <div className="flex h-64 items-center justify-center text-slate-500">
        <Spinner label="Drawing the pages" />
      </div>
    );
  }
  if (state.status === 'password') {
    return <ViewerPassword wrong={state.wrong} onSubmit={setPassword} />;
  }
  if (state.status === 'error') {
    return (
      <Alert tone="warning" title="This PDF can’t be shown here">
        The figures Numeri read from {name} are still listed.
      </Alert>
    );
  }
  const count = state.pdf.numPages;
  const shown = Math.min(count, MAX_PAGES);
  return (
    <div className="space-y-4">
      {Array.from({ length: shown }, (_, index) => (
        <PdfPage
          key={index + 1}
          pdf={state.pdf}
          page={index + 1}
          pageCount={count}
          fields={fields}
          activeId={activeId}
          onHover={onHover}
          onPick={onPick}
        />
      ))}
      {count > shown ? (
        <p className="text-center text-sm text-slate-600">
          Pages {shown + 1} to {count} aren’t shown here.
        </p>
      ) : null}
    </div>
  );
}

/** A page drawn on a canvas about 1,400 pixels wide, scaled by CSS to the panel. */
function PdfPage({
  pdf,
  page,
  pageCount,
  fields,
  activeId,
  onHover,
  onPick,
}: {
  pdf: PDFDocumentProxy;
  page: number;
  pageCount: number;
  fields: readonly HighlightField[];
  activeId: string | null;
  onHover: (id: string | null) => void;
  onPick: (id: string) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [aspect, setAspect] = useState<number | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let cancelRender: (() => void) | undefined;
    void (async () => {
      try {
        const proxy = await pdf.getPage(page);
        if (cancelled) return;
        const base = proxy.getViewport({ scale: 1 });
        setAspect(base.width / base.height);
        const viewport = proxy.getViewport({ scale: Math.min(3, 1400 / base.width) });
        const element = canvas.current;
        if (!element) return;
        element.width = Math.floor(viewport.width);
        element.height = Math.floor(viewport.height);
        const task = proxy.render({ canvas: element, viewport });
        cancelRender = () => task.cancel();
        await task.promise;
      } catch (error) {
        if (!cancelled && (error as { name?: string }).name !== 'RenderingCancelledException')
          setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [pdf, page]);
  return (
    <PageFrame
      page={page}
      pageCount={pageCount}
      aspect={aspect ?? 210 / 297}
      fields={fields}
      activeId={activeId}
      onHover={onHover}
      onPick={onPick}
    >
      <canvas
        ref={canvas}
        className="absolute inset-0 block size-full"
        aria-label={`Page ${page}`}
        role="img"
      />
      {failed ? (
        <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-500">
          This page couldn’t be drawn.
        </p>
      ) : null}
    </PageFrame>
  );
}

/**
 * A protected PDF needs its password again to be shown (Numeri never kept it). It stays in this
 * browser tab: pdf.js opens the file here, and nothing is sent.
 */
function ViewerPassword({ wrong, onSubmit }: { wrong: boolean; onSubmit: (password: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="rounded-xl bg-white p-4 ring-1 ring-slate-200"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (value) onSubmit(value);
        setValue('');
      }}
    >
      <p className="text-sm font-semibold text-slate-900">This PDF is protected by a password</p>
      <p className="mt-1 text-sm text-slate-600">
        To see its pages here, enter the password again. It stays in this browser tab and isn’t sent to
        Numeri.
      </p>
      <PasswordField
        className="mt-4"
        label="PDF password"
        autoComplete="current-password"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={wrong ? 'That password doesn’t open this PDF.' : undefined}
      />
      <Button type="submit" size="sm" className="mt-3">
        Show the pages
      </Button>
    </form>
  );
}
