import { problemSchema, PROBLEM_CONTENT_TYPE, type Problem } from '@numeri/contracts';
import type { z } from 'zod';

/**
 * A small typed wrapper over `fetch` for the Numeri API: JSON in and out, cookies included,
 * the CSRF header on unsafe methods, and every failure turned into an {@link ApiError}.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The server rejects cookie-authenticated unsafe requests without this header (CSRF defence). */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'numeri';

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);

/** Error codes the client itself produces (the server's own codes come from its problem responses). */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  invalidResponse: 'invalid_response',
  http: 'http_error',
} as const;

export interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string;
  fieldErrors?: Record<string, string>;
  requestId?: string;
  problem?: Problem;
  /** From the `Retry-After` header (rate limits, lockouts), in seconds. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** Any failed API call: an RFC 9457 problem from the server, a non-JSON error, or no response at all. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no response arrived (offline, DNS, connection refused). */
  readonly status: number;
  /** Stable machine-readable code, e.g. `validation_failed` or `network_error`. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field path (dot-separated, e.g. `income.salaryWages`) → message, from the problem's `errors`. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;
  /** The parsed problem document, when the server sent one. */
  readonly problem: Problem | undefined;
  /** How long the server asked us to wait before trying again (429), in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.requestId = init.requestId;
    this.problem = init.problem;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /**
   * True when no working Numeri API answered: no response at all, the service says it is
   * unavailable (503), or a proxy/gateway error without the API's own problem document.
   */
  get isUnreachable(): boolean {
    if (this.code === CLIENT_ERROR_CODES.network) return true;
    if (this.status === 502 || this.status === 503 || this.status === 504) return true;
    return !this.problem && this.status >= 500;
  }

  get isValidation(): boolean {
    return this.status === 400 || this.status === 422;
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Normalises a field path from a problem's `errors` to the dot form the forms use:
 * `/income/salaryWages`, `body/income/salaryWages`, `body.income.salaryWages`, `income[salaryWages]`
 * → `income.salaryWages`.
 */
export function normaliseFieldPath(field: string): string {
  const segments = field
    .replace(/\[(\w+)\]/g, '.$1')
    .split(/[./]/)
    .filter((segment) => segment !== '');
  if (segments[0] === 'body' || segments[0] === 'querystring' || segments[0] === 'params') segments.shift();
  return segments.join('.');
}

function fieldErrorsOf(problem: Problem): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { field, message } of problem.errors ?? []) {
    const path = normaliseFieldPath(field);
    // The first message for a field is usually the most useful; keep it.
    if (!(path in result)) result[path] = message;
  }
  return result;
}

const STATUS_TITLES: Record<number, string> = {
  400: 'The request was not valid',
  401: 'You need to sign in',
  403: 'You don’t have access to this',
  404: 'Not found',
  409: 'This changed somewhere else',
  413: 'That file is too large',
  429: 'Too many requests — please wait a moment',
  500: 'Something went wrong on our side',
  502: 'The Numeri service can’t be reached',
  503: 'The Numeri service is unavailable',
  504: 'The Numeri service took too long to respond',
};

/** `Retry-After` as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (contentType.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = problemSchema.safeParse(body);
    if (parsed.success) {
      const problem = parsed.data;
      return new ApiError({
        status: problem.status || response.status,
        code: problem.code,
        title: problem.title,
        detail: problem.detail,
        fieldErrors: fieldErrorsOf(problem),
        requestId: problem.requestId ?? requestId,
        problem,
        retryAfterSeconds,
      });
    }
  }
  return new ApiError({
    status: response.status,
    code: CLIENT_ERROR_CODES.http,
    title: STATUS_TITLES[response.status] ?? `The request failed (HTTP ${response.status})`,
    requestId,
    retryAfterSeconds,
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

export interface RequestOptions<T> {
  /** A JSON-serialisable body. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Query-string parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Validates (and types) the response body. Without it the body is trusted as `T`. */
  schema?: z.ZodType<T>;
  /**
   * Send the access token, and after a 401 refresh the session once and retry. Default true.
   * False for the sign-in family of routes, whose 401 means "wrong password", not "expired".
   */
  auth?: boolean;
  /**
   * Whether a 401 may be a stale access token (refresh and retry once). Default: same as `auth`.
   * Routes that check a code answer 401 for a wrong code; refreshing then would be wrong.
   */
  retryOnUnauthorized?: boolean;
  /** On 403 STEP_UP_REQUIRED ask the person for a code, then retry. Default true. */
  stepUp?: boolean;
  /** On 403 MFA_ENROLMENT_REQUIRED let the app send the person to the 2FA set-up. Default true. */
  mfaEnrolmentRedirect?: boolean;
}

export type ApiRequestOptions<T> = Omit<RequestOptions<T>, 'body'>;

/** The problem codes the client reacts to by itself. */
export const AUTH_ERROR_CODES = {
  stepUpRequired: 'STEP_UP_REQUIRED',
  mfaEnrolmentRequired: 'MFA_ENROLMENT_REQUIRED',
} as const;

/**
 * How the client cooperates with the app's session (set once by the auth module): the access
 * token to send, how to get a new one, and what to do when the server asks for a second factor.
 */
export interface ApiClientHooks {
  /** The current access token, refreshed first when it is known to have expired. */
  accessToken?: () => Promise<string | null> | string | null;
  /**
   * A 401 arrived for a request sent with `failedToken`: resolve true when a newer access token
   * is ready (refreshing only if nobody has done so since that request left).
   */
  refresh?: (failedToken: string | null) => Promise<boolean>;
  /** 403 STEP_UP_REQUIRED: resolve true once the person has confirmed with a code (then the request is retried). */
  stepUp?: (error: ApiError) => Promise<boolean>;
  /** 403 MFA_ENROLMENT_REQUIRED: typically navigates to the 2FA set-up. The error is still thrown. */
  mfaEnrolmentRequired?: (error: ApiError) => void;
}

export interface ApiClientOptions {
  /** Prefix for relative paths; default '' (same origin). */
  baseUrl?: string;
  /** Injected for tests; default the global `fetch` at call time. */
  fetch?: typeof fetch;
  hooks?: ApiClientHooks;
}

/** A file the API sent (e.g. the data export). */
export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, when the server named the file. */
  filename: string | undefined;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions<T>): Promise<T>;
  get<T>(path: string, options?: ApiRequestOptions<T>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: ApiRequestOptions<T>): Promise<T>;
  put<T>(path: string, body?: unknown, options?: ApiRequestOptions<T>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: ApiRequestOptions<T>): Promise<T>;
  delete<T = void>(path: string, options?: ApiRequestOptions<T>): Promise<T>;
  /** GET a file through the same pipeline (token, refresh, step-up). */
  download(path: string, options?: Omit<ApiRequestOptions<never>, 'schema'>): Promise<DownloadedFile>;
  /** Sets some hooks, keeping the others (the session, the step-up dialog and the router each install theirs). */
  setHooks(hooks: Partial<ApiClientHooks>): void;
}

/** `attachment; filename="a.zip"` or `filename*=UTF-8''a%20b.zip` → the file name. */
export function filenameFromContentDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/.exec(header);
  if (!plain) return undefined;
  const name = (plain[2] ?? plain[1] ?? '').trim().replace(/\\(.)/g, '$1');
  // Never let a server-sent name point into a folder.
  return name.split(/[\\/]/).pop() || undefined;
}

const MAX_STEP_UPS = 2;

export function createApiClient(clientOptions: ApiClientOptions = {}): ApiClient {
  const baseUrl = clientOptions.baseUrl ?? '';
  let hooks: ApiClientHooks = clientOptions.hooks ?? {};

  function buildUrl(path: string, query: RequestOptions<unknown>['query']): string {
    let url = `${baseUrl}${path}`;
    if (query) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined) search.set(key, String(value));
      }
      const qs = search.toString();
      if (qs) url += `${url.includes('?') ? '&' : '?'}${qs}`;
    }
    return url;
  }

  /** Sends the request, handling expired tokens and second-factor prompts; returns an OK response. */
  async function send(method: HttpMethod, path: string, options: RequestOptions<unknown>, accept: string) {
    const useAuth = options.auth ?? true;
    const retryOnUnauthorized = options.retryOnUnauthorized ?? useAuth;
    const url = buildUrl(path, options.query);
    let body: string | undefined;
    if (options.body !== undefined) body = JSON.stringify(options.body);

    let refreshed = false;
    let stepUps = 0;
    for (;;) {
      const headers: Record<string, string> = { Accept: accept, ...options.headers };
      if (!SAFE_METHODS.has(method)) headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const token = useAuth && hooks.accessToken ? await hooks.accessToken() : null;
      if (token) headers.Authorization = `Bearer ${token}`;

      const doFetch = clientOptions.fetch ?? globalThis.fetch;
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers,
          body,
          credentials: 'include',
          signal: options.signal,
        });
      } catch (error) {
        if (isAbort(error)) throw error;
        throw new ApiError({
          status: 0,
          code: CLIENT_ERROR_CODES.network,
          title: 'Can’t connect to Numeri',
          detail: 'We couldn’t reach the Numeri service. Check your internet connection and try again.',
          cause: error,
        });
      }
      if (response.ok) return response;

      const error = await errorFromResponse(response);
      if (response.status === 401 && retryOnUnauthorized && !refreshed && hooks.refresh) {
        refreshed = true;
        if (await hooks.refresh(token)) continue;
      } else if (
        error.code === AUTH_ERROR_CODES.stepUpRequired &&
        (options.stepUp ?? true) &&
        hooks.stepUp &&
        stepUps < MAX_STEP_UPS
      ) {
        stepUps += 1;
        if (await hooks.stepUp(error)) continue;
      } else if (
        error.code === AUTH_ERROR_CODES.mfaEnrolmentRequired &&
        (options.mfaEnrolmentRedirect ?? true)
      ) {
        hooks.mfaEnrolmentRequired?.(error);
      }
      throw error;
    }
  }

  async function request<T>(method: HttpMethod, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const response = await send(method, path, options, `application/json, ${PROBLEM_CONTENT_TYPE}`);
    if (response.status === 204 || method === 'HEAD') return undefined as T;

    const text = await response.text();
    if (text === '') return undefined as T;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ApiError({
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        title: 'The Numeri service sent a response we couldn’t read',
        cause: error,
      });
    }
    if (!options.schema) return data as T;
    const parsed = options.schema.safeParse(data);
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        title: 'The Numeri service sent a response we didn’t expect',
        detail: 'Please reload the page. If it keeps happening, the app may need updating.',
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  async function download(path: string, options: Omit<ApiRequestOptions<never>, 'schema'> = {}) {
    const response = await send('GET', path, options, `*/*, ${PROBLEM_CONTENT_TYPE}`);
    const blob = await response.blob();
    return { blob, filename: filenameFromContentDisposition(response.headers.get('content-disposition')) };
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
    download,
    setHooks: (next) => {
      hooks = { ...hooks, ...next };
    },
  };
}

/** The app's client: same origin, so the httpOnly session cookie goes with every call. */
export const api = createApiClient();
