import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const HASHED_ASSET = /\/assets\//;

/**
 * Serves the built web app. Hashed files under /assets/ are immutable for a year; index.html,
 * the service worker and the manifest are revalidated every time so a deploy shows at once.
 * Unknown non-API GETs for a page (accepting HTML, or a path without a file extension) get
 * index.html (client-side routes); see the not-found handler in app.ts.
 */
export async function registerStaticWeb(
  app: FastifyInstance,
  distDir: string,
): Promise<{ serveIndex?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply }> {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build` (npm start does this for you)');
    return {};
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders(res, filePath) {
      if (HASHED_ASSET.test(filePath.split(path.sep).join('/'))) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        res.header('cache-control', 'no-cache');
      }
    },
  });
  return {
    serveIndex: (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html'),
  };
}
