/**
 * Errors the application raises on purpose, each with a stable code. Services throw these;
 * they never know about HTTP. `http/problem.ts` maps each code to a status in one place.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'The request is not valid',
  BAD_REQUEST: 'The request could not be understood',
  UNAUTHENTICATED: 'You need to sign in',
  MFA_REQUIRED: 'Two-factor authentication is required',
  MFA_ENROLMENT_REQUIRED: 'Turn on two-factor authentication first',
  EMAIL_NOT_VERIFIED: 'Confirm your email address first',
  INVALID_SECOND_FACTOR: 'That code is not right',
  STEP_UP_REQUIRED: 'Confirm it is you with a fresh two-factor code',
  FORBIDDEN: 'You are not allowed to do this',
  NOT_FOUND: 'Not found',
  CONFLICT: 'The request conflicts with the current state',
  VERSION_CONFLICT: 'Someone else changed this first',
  GONE: 'This is no longer available',
  PAYLOAD_TOO_LARGE: 'The upload is too large',
  UNSUPPORTED_MEDIA_TYPE: 'This type of file or content is not supported',
  RATE_LIMITED: 'Too many requests',
  ACCOUNT_LOCKED: 'Too many failed attempts; try again later',
  SERVICE_UNAVAILABLE: 'A service Numeri depends on is unavailable',
  INTERNAL: 'Something went wrong on our side',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[] | undefined;
  /** Seconds the client should wait before retrying (rate limits, lockouts). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { fieldErrors?: FieldError[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(detail ?? ERROR_CODES[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);
export const validationFailed = (fieldErrors: FieldError[], detail = 'Some fields are not valid') =>
  new AppError('VALIDATION_FAILED', detail, { fieldErrors });
