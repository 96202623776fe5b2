import { estimateResponseSchema } from '@numeri/contracts';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  createApiClient,
  filenameFromContentDisposition,
  normaliseFieldPath,
  parseRetryAfter,
} from './client';

function response(
  body: unknown,
  status = 200,
  contentType = 'application/json',
  headers: Record<string, string> = {},
) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType, ...headers },
  });
}

function clientWith(fetchImpl: (url: string, init: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn(fetchImpl);
  return { client: createApiClient({ fetch: fetchMock as unknown as typeof fetch }), fetchMock };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('api client requests', () => {
  it('sends JSON with cookies and the CSRF header on unsafe methods', async () => {
    const { client, fetchMock } = clientWith(async () => response({ ok: true }));
    const result = await client.post<{ ok: boolean }>('/api/v1/things', { a: 1 });

    expect(result).toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/things');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(init.body).toBe('{"a":1}');
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-Requested-With']).toBe('numeri');
  });

  it('does not send the CSRF header on GET, and builds the query string', async () => {
    const { client, fetchMock } = clientWith(async () => response([1, 2]));
    await client.get('/api/v1/things', { query: { year: '2025-26', page: 2, skip: undefined } });

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/things?year=2025-26&page=2');
    expect((init.headers as Record<string, string>)['X-Requested-With']).toBeUndefined();
    expect(init.credentials).toBe('include');
  });

  it('returns undefined for 204 No Content', async () => {
    const { client } = clientWith(async () => new Response(null, { status: 204 }));
    await expect(client.delete('/api/v1/things/1')).resolves.toBeUndefined();
  });
});

describe('api client errors', () => {
  it('maps a problem+json 400 into an ApiError with field errors by path', async () => {
    const { client } = clientWith(async () =>
      response(
        {
          type: 'https://numeri.au/problems/validation',
          title: 'Your request has invalid fields',
          status: 400,
          detail: '2 fields are invalid',
          code: 'validation_failed',
          requestId: 'req-123',
          errors: [
            { field: '/income/salaryWages', message: 'must not be negative' },
            { field: 'body.taxWithheld', message: 'must have at most two decimal places' },
            { field: 'income.salaryWages', message: 'a second message for the same field' },
          ],
        },
        400,
        'application/problem+json',
      ),
    );

    const error = await caught(client.post('/api/v1/tax/estimate', {}));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.title).toBe('Your request has invalid fields');
    expect(error.detail).toBe('2 fields are invalid');
    expect(error.requestId).toBe('req-123');
    expect(error.fieldErrors).toEqual({
      'income.salaryWages': 'must not be negative',
      taxWithheld: 'must have at most two decimal places',
    });
    expect(error.isValidation).toBe(true);
    expect(error.isUnreachable).toBe(false);
    expect(error.message).toBe('2 fields are invalid');
  });

  it('turns a network failure into a clear, unreachable error', async () => {
    const { client } = clientWith(async () => {
      throw new TypeError('Failed to fetch');
    });

    const error = await caught(client.post('/api/v1/tax/estimate', {}));

    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.isUnreachable).toBe(true);
    expect(error.detail).toMatch(/couldn’t reach the Numeri service/);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lets an abort through untouched', async () => {
    const { client } = clientWith(async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(client.get('/api/v1/slow')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('treats a gateway error without a problem body as unreachable', async () => {
    const { client } = clientWith(async () => response('<html>Bad gateway</html>', 502, 'text/html'));
    const error = await caught(client.get('/api/v1/things'));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_error');
    expect(error.isUnreachable).toBe(true);
    expect(error.fieldErrors).toEqual({});
  });

  it('does not call a server problem "unreachable"', async () => {
    const { client } = clientWith(async () =>
      response(
        { type: 'about:blank', title: 'Internal error', status: 500, code: 'internal' },
        500,
        'application/problem+json',
      ),
    );
    const error = await caught(client.get('/api/v1/things'));
    expect(error.code).toBe('internal');
    expect(error.isUnreachable).toBe(false);
  });

  it('rejects a response that does not match the expected schema', async () => {
    const { client } = clientWith(async () => response({ refund: 'lots' }));
    const error = await caught(client.post('/api/v1/tax/estimate', {}, { schema: estimateResponseSchema }));
    expect(error.code).toBe('invalid_response');
  });
});

describe('normaliseFieldPath', () => {
  it.each([
    ['/income/salaryWages', 'income.salaryWages'],
    ['body/income/salaryWages', 'income.salaryWages'],
    ['body.income.salaryWages', 'income.salaryWages'],
    ['income[salaryWages]', 'income.salaryWages'],
    ['taxWithheld', 'taxWithheld'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseFieldPath(input)).toBe(expected);
  });
});

describe('ApiError.isUnreachable', () => {
  it('treats 503 from the API as unreachable even with a problem body', async () => {
    const { client } = clientWith(async () =>
      response(
        {
          type: '/api/problems#service-unavailable',
          title: 'Service unavailable',
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
        },
        503,
        'application/problem+json',
      ),
    );
    const error = await caught(client.get('/api/v1/things'));
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.isUnreachable).toBe(true);
  });
});

describe('api client hooks', () => {
  const stepUpProblem = () =>
    response(
      {
        type: 'about:blank',
        title: 'Step up',
        status: 403,
        code: 'STEP_UP_REQUIRED',
        detail: 'Enter a code',
      },
      403,
      'application/problem+json',
    );

  it('asks for a second factor on STEP_UP_REQUIRED and retries the request once confirmed', async () => {
    let calls = 0;
    const { client, fetchMock } = clientWith(async () =>
      ++calls === 1 ? stepUpProblem() : response({ tfn: '1' }),
    );
    const stepUp = vi.fn(async (_error: ApiError) => true);
    client.setHooks({ stepUp });
    await expect(client.get('/api/v1/profile/tfn')).resolves.toEqual({ tfn: '1' });
    expect(stepUp).toHaveBeenCalledTimes(1);
    expect(stepUp.mock.calls[0]![0]).toMatchObject({ code: 'STEP_UP_REQUIRED', detail: 'Enter a code' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('fails with STEP_UP_REQUIRED when the person cancels, without retrying', async () => {
    const { client, fetchMock } = clientWith(async () => stepUpProblem());
    client.setHooks({ stepUp: async () => false });
    const error = await caught(client.get('/api/v1/profile/tfn'));
    expect(error.code).toBe('STEP_UP_REQUIRED');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('tells the app about MFA_ENROLMENT_REQUIRED unless the caller handles it', async () => {
    const { client } = clientWith(async () =>
      response(
        { type: 'about:blank', title: 'MFA', status: 403, code: 'MFA_ENROLMENT_REQUIRED' },
        403,
        'application/problem+json',
      ),
    );
    const mfaEnrolmentRequired = vi.fn();
    client.setHooks({ mfaEnrolmentRequired });
    await caught(client.get('/api/v1/account/export'));
    expect(mfaEnrolmentRequired).toHaveBeenCalledTimes(1);
    await caught(client.post('/api/v1/delegations/accept', {}, { mfaEnrolmentRedirect: false }));
    expect(mfaEnrolmentRequired).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for routes whose 401 means "wrong code", nor send the token when auth is off', async () => {
    const { client, fetchMock } = clientWith(async () =>
      response(
        { type: 'about:blank', title: 'No', status: 401, code: 'UNAUTHENTICATED' },
        401,
        'application/problem+json',
      ),
    );
    const refresh = vi.fn(async () => true);
    client.setHooks({ accessToken: () => 'token-1', refresh });
    await caught(client.post('/api/v1/auth/step-up', { code: '000000' }, { retryOnUnauthorized: false }));
    await caught(client.post('/api/v1/auth/sign-in', {}, { auth: false }));
    expect(refresh).not.toHaveBeenCalled();
    const headers = fetchMock.mock.calls.map(
      ([, init]) => (init.headers as Record<string, string>).Authorization,
    );
    expect(headers).toEqual(['Bearer token-1', undefined]);
  });

  it('reads Retry-After into the error', async () => {
    const { client } = clientWith(async () =>
      response(
        {
          type: 'about:blank',
          title: 'Locked',
          status: 429,
          code: 'ACCOUNT_LOCKED',
          detail: 'Try again in 5 minute(s).',
        },
        429,
        'application/problem+json',
        { 'Retry-After': '300' },
      ),
    );
    const error = await caught(client.post('/api/v1/auth/sign-in', {}, { auth: false }));
    expect(error.retryAfterSeconds).toBe(300);
  });

  it('downloads a file with the name from Content-Disposition, through the same token pipeline', async () => {
    const { client, fetchMock } = clientWith(
      async () =>
        new Response('PK', {
          status: 200,
          headers: {
            'Content-Type': 'application/zip',
            'Content-Disposition': 'attachment; filename="numeri-export.zip"',
          },
        }),
    );
    client.setHooks({ accessToken: () => 'token-9' });
    const file = await client.download('/api/v1/account/export');
    expect(file.filename).toBe('numeri-export.zip');
    expect(await file.blob.text()).toBe('PK');
    expect((fetchMock.mock.calls[0]![1].headers as Record<string, string>).Authorization).toBe(
      'Bearer token-9',
    );
  });
});

describe('filenameFromContentDisposition', () => {
  it.each([
    ['attachment; filename="a.zip"', 'a.zip'],
    ["attachment; filename*=UTF-8''numeri%20data.zip", 'numeri data.zip'],
    ['attachment; filename=plain.zip', 'plain.zip'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    [null, undefined],
  ])('%s → %s', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.UTC(2025, 0, 1, 0, 1, 0)).toUTCString(), Date.UTC(2025, 0, 1))).toBe(
      60,
    );
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
