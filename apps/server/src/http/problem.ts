import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@numeri/contracts';
import { isDatabaseUnavailable } from '../adapters/db/database-errors';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../errors/app-error';
import { reportError } from '../observability/error-reporting';

/** The one place where error codes become HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  MFA_ENROLMENT_REQUIRED: 403,
  EMAIL_NOT_VERIFIED: 403,
  INVALID_SECOND_FACTOR: 400,
  STEP_UP_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  406: 'BAD_REQUEST',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export function problemType(code: ErrorCode): string {
  return `/api/problems#${code.toLowerCase().replaceAll('_', '-')}`;
}

export function buildProblem(
  code: ErrorCode,
  request: FastifyRequest,
  detail?: string,
  fieldErrors?: FieldError[],
): Problem {
  const status = HTTP_STATUS[code];
  const problem: Problem = {
    type: problemType(code),
    title: ERROR_CODES[code],
    status,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (detail && detail !== ERROR_CODES[code]) problem.detail = detail;
  if (fieldErrors?.length) problem.errors = fieldErrors;
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number): FastifyReply {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.ceil(retryAfterSeconds)));
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** Zod issue paths look like `body/income.salaryWages` in Fastify; report them as dotted field names. */
function fieldErrorsFromValidation(error: FastifyError): FieldError[] {
  const issues = (error.validation ?? []) as {
    instancePath?: string;
    message?: string;
    params?: { issue?: { path?: unknown[] } };
  }[];
  return issues.map((issue) => {
    const zodPath = issue.params?.issue?.path;
    const field =
      Array.isArray(zodPath) && zodPath.length
        ? zodPath.map(String).join('.')
        : (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    return { field: field || '(body)', message: issue.message ?? 'is not valid' };
  });
}

/** A 500: sent to error reporting with where it happened, never with what was sent. */
function reportRequestError(error: Error, request: FastifyRequest): void {
  reportError(error, {
    'http.request.method': request.method,
    'http.route': request.routeOptions.url ?? '(no route)',
    'http.response.status_code': 500,
    'numeri.request_id': String(request.id),
  });
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const status = HTTP_STATUS[error.code];
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 500) reportRequestError(error, request);
    return sendProblem(
      reply,
      buildProblem(error.code, request, error.message, error.fieldErrors),
      error.retryAfterSeconds,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors = fieldErrorsFromValidation(error as FastifyError);
    return sendProblem(
      reply,
      buildProblem('VALIDATION_FAILED', request, 'Some fields are not valid', fieldErrors),
    );
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    reportRequestError(error, request);
    return sendProblem(reply, buildProblem('INTERNAL', request));
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    const code = STATUS_TO_CODE[statusCode] ?? 'BAD_REQUEST';
    // Fastify's own client errors (bad JSON, body too large, unsupported type) carry safe messages.
    const detail =
      (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'The body is not valid JSON'
        : error.message;
    const problem = buildProblem(code, request, detail);
    problem.status = statusCode;
    const retryAfter = reply.getHeader('retry-after');
    return sendProblem(reply, problem, retryAfter ? Number(retryAfter) : undefined);
  }
  if (statusCode === 503 || isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'a dependency is unavailable');
    return sendProblem(reply, buildProblem('SERVICE_UNAVAILABLE', request), 5);
  }
  // A bug: log everything, reveal nothing.
  request.log.error({ err: error }, 'unhandled error');
  reportRequestError(error, request);
  return sendProblem(reply, buildProblem('INTERNAL', request));
}
