import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
let distDir: string;

beforeAll(async () => {
  distDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-dist-'));
  await fs.mkdir(path.join(distDir, 'assets'));
  await fs.writeFile(
    path.join(distDir, 'index.html'),
    '<!doctype html><html lang="en-AU"><title>Numeri</title><div id="root"></div></html>',
  );
  await fs.writeFile(path.join(distDir, 'assets', 'index-3f9a1c.js'), 'console.log("app")');
  await fs.writeFile(path.join(distDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  ctx = await createTestApp({ env: { WEB_DIST_DIR: distDir }, app: { serveWeb: true } });
});
afterAll(async () => {
  await ctx.close();
  await fs.rm(distDir, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('hashed assets are cached for a year as immutable', async () => {
    const response = await ctx.app.inject('/assets/index-3f9a1c.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('index.html is never cached', async () => {
    const response = await ctx.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('the service worker is revalidated on every load', async () => {
    const response = await ctx.app.inject('/sw.js');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('client-side routes get index.html', async () => {
    const response = await ctx.app.inject({
      url: '/returns/2024-25',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('pages are served to clients that do not say they want HTML (curl, link checkers)', async () => {
    for (const url of ['/', '/calculator', '/returns/2024-25?step=income']) {
      const response = await ctx.app.inject({ url, headers: { accept: '*/*' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('unknown API paths stay problem+json even for browsers', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/unknown', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('a missing file is a 404, not index.html', async () => {
    for (const url of ['/assets/missing-000.js', '/favicon-old.png', '/api/v1/unknown', '/metricsx.json']) {
      const response = await ctx.app.inject({ url, headers: { accept: '*/*' } });
      expect(response.statusCode, url).toBe(404);
    }
  });
});
