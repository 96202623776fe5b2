// A PDF reader thread starts here (see pdf-reader.ts). pdfjs is loaded natively: through tsx's
// loader it takes ten times as long. The thread's own TypeScript is loaded with tsx, which runs
// every Numeri entrypoint (package.json scripts, the Dockerfiles).
import { tsImport } from 'tsx/esm/api';

const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { serve } = await tsImport('./pdf-reader.thread.ts', import.meta.url);
serve(lib);
