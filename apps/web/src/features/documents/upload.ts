import { documentSchema, problemSchema, PROBLEM_CONTENT_TYPE, type DocumentDto } from '@numeri/contracts';
import {
  ApiError,
  CLIENT_ERROR_CODES,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  normaliseFieldPath,
  parseRetryAfter,
} from '../../lib/api';
import { authSession } from '../../lib/auth';
import { DOCUMENTS_API } from './documents-api';

/**
 * Uploads with XMLHttpRequest, because fetch() reports no upload progress. It sends what the
 * app's API client sends (bearer token, CSRF header, cookies) and fails with the same ApiError.
 */

/** What Numeri reads: documents and bank exports (the server checks the bytes, not the name). */
export const ACCEPTED_EXTENSIONS = [
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.heic',
  '.heif',
  '.csv',
  '.ofx',
  '.qfx',
  '.qif',
] as const;
export const ACCEPT_ATTRIBUTE = [
  ...ACCEPTED_EXTENSIONS,
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'text/csv',
].join(',');

/**
 * The server's default upload limit (UPLOAD_MAX_BYTES), used until /api/v1/client-config says
 * otherwise; checked here so a phone doesn't send 50 MB to hear "no".
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const ACCEPTED_SENTENCE =
  'Numeri reads PDFs, photos (JPEG, PNG or HEIC) and bank exports (CSV, OFX, QFX or QIF).';

/** A reason to refuse a file before sending it, or null when the server should decide. */
export function localRejection(
  file: Pick<File, 'name' | 'size' | 'type'>,
  maxBytes = MAX_UPLOAD_BYTES,
): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > maxBytes) {
    const mb = Math.floor(maxBytes / (1024 * 1024));
    return `This file is larger than ${mb} MB, the most Numeri accepts. Upload fewer pages, or a photo at a lower resolution.`;
  }
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  // Bank exports are often plain text; let the server look at the content of those.
  if (extension === '' || extension === '.txt') return null;
  if ((ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) return null;
  const known: Record<string, string> = {
    '.doc': 'a Word document',
    '.docx': 'a Word document',
    '.xls': 'an Excel workbook',
    '.xlsx': 'an Excel workbook',
    '.zip': 'a ZIP archive',
    '.gif': 'a GIF image',
    '.webp': 'a WebP image',
    '.tif': 'a TIFF image',
    '.tiff': 'a TIFF image',
    '.bmp': 'a BMP image',
  };
  const what = known[extension];
  return what
    ? `This is ${what}, which Numeri can’t read. Save it as a PDF (or export a CSV) and upload that. ${ACCEPTED_SENTENCE}`
    : `Numeri can’t read ${extension} files. ${ACCEPTED_SENTENCE}`;
}

export interface UploadOptions {
  /** Called with the fraction of the file sent so far (0..1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Bank files: which account the export is from. */
  account?: string;
}

export interface UploadResult {
  document: DocumentDto;
  /** The same file was uploaded before: `document` is that earlier upload. */
  duplicate: boolean;
}

interface XhrOutcome {
  status: number;
  body: string;
  contentType: string;
  retryAfter: string | null;
  requestId: string | null;
}

function send(file: File, token: string | null, options: UploadOptions): Promise<XhrOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const url = options.account
      ? `${DOCUMENTS_API.list}?account=${encodeURIComponent(options.account)}`
      : DOCUMENTS_API.list;
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', `application/json, ${PROBLEM_CONTENT_TYPE}`);
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        body: xhr.responseText,
        contentType: xhr.getResponseHeader('content-type') ?? '',
        retryAfter: xhr.getResponseHeader('retry-after'),
        requestId: xhr.getResponseHeader('x-request-id'),
      });
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: CLIENT_ERROR_CODES.network,
          title: 'The upload didn’t get through',
          detail: 'We couldn’t reach Numeri. Check your internet connection and try again.',
        }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const TITLES: Record<number, string> = {
  413: 'That file is too large',
  415: 'Numeri can’t read this file',
  429: 'Too many uploads at once — please wait a moment',
};

function errorOf(outcome: XhrOutcome): ApiError {
  const retryAfterSeconds = parseRetryAfter(outcome.retryAfter);
  if (outcome.contentType.includes('json')) {
    let body: unknown;
    try {
      body = JSON.parse(outcome.body);
    } catch {
      body = undefined;
    }
    const parsed = problemSchema.safeParse(body);
    if (parsed.success) {
      const problem = parsed.data;
      const fieldErrors: Record<string, string> = {};
      for (const { field, message } of problem.errors ?? [])
        fieldErrors[normaliseFieldPath(field)] ??= message;
      return new ApiError({
        status: problem.status || outcome.status,
        code: problem.code,
        title: TITLES[outcome.status] ?? problem.title,
        detail: problem.detail,
        fieldErrors,
        requestId: problem.requestId ?? outcome.requestId ?? undefined,
        problem,
        retryAfterSeconds,
      });
    }
  }
  return new ApiError({
    status: outcome.status,
    code: CLIENT_ERROR_CODES.http,
    title: TITLES[outcome.status] ?? `The upload failed (HTTP ${outcome.status})`,
    requestId: outcome.requestId ?? undefined,
    retryAfterSeconds,
  });
}

/** Uploads one file; resolves with the document (new, or the earlier copy of the same file). */
export async function uploadDocument(file: File, options: UploadOptions = {}): Promise<UploadResult> {
  let token = await authSession.accessToken();
  let outcome = await send(file, token, options);
  if (outcome.status === 401) {
    // The access token expired on the way: renew it once (unless another request already has).
    const current = await authSession.accessToken();
    const renewed = current && current !== token ? true : await authSession.refresh();
    if (renewed) {
      token = await authSession.accessToken();
      options.onProgress?.(0);
      outcome = await send(file, token, options);
    }
  }
  if (outcome.status !== 200 && outcome.status !== 201) throw errorOf(outcome);
  let data: unknown;
  try {
    data = JSON.parse(outcome.body);
  } catch (cause) {
    throw new ApiError({
      status: outcome.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      title: 'The Numeri service sent a response we couldn’t read',
      cause,
    });
  }
  const parsed = documentSchema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError({
      status: outcome.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      title: 'The Numeri service sent a response we didn’t expect',
      detail: 'Please reload the page. If it keeps happening, the app may need updating.',
      cause: parsed.error,
    });
  }
  return {
    document: parsed.data,
    duplicate: outcome.status === 200 || parsed.data.duplicateOf !== undefined,
  };
}
