import { randomBytes } from 'node:crypto';
import type { SignedIn } from './accounts';
import type { TestContext } from './test-app';

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipart(filename: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----numeri${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(ctx: TestContext, user: SignedIn, filename: string, bytes: Buffer, query = '') {
  const body = multipart(filename, bytes);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/documents${query}`,
    headers: { ...user.auth, ...body.headers },
    payload: body.payload,
    remoteAddress: user.ip,
  });
}

const SETTLED = new Set(['needs-review', 'done', 'failed', 'needs-password']);

/** Polls GET /documents/:id (as a browser without SSE would) until the document settles. */
export async function settled(ctx: TestContext, user: SignedIn, id: string, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${id}`,
      headers: user.auth,
      remoteAddress: user.ip,
    });
    const doc = response.json();
    if (SETTLED.has(doc.status)) return doc;
    if (Date.now() - started > timeoutMs)
      throw new Error(`document ${id} still ${doc.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function uploadAndSettle(
  ctx: TestContext,
  user: SignedIn,
  filename: string,
  bytes: Buffer,
  query = '',
) {
  const response = await upload(ctx, user, filename, bytes, query);
  if (response.statusCode !== 201 && response.statusCode !== 200)
    throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return settled(ctx, user, response.json().id);
}
