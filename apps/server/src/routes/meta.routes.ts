import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config/config';
import { ERROR_CODES, type ErrorCode } from '../errors/app-error';
import { HTTP_STATUS, problemType } from '../http/problem';

/** The catalogue of problem types, and the settings a client needs to behave like the server. */
export const metaRoutes =
  (config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/client-config',
      {
        schema: {
          tags: ['meta'],
          summary: 'Limits and policies the web app mirrors (upload size, whether 2FA is required)',
          response: { 200: z.object({ uploadMaxBytes: z.number().int(), require2fa: z.boolean() }) },
        },
      },
      async () => ({ uploadMaxBytes: config.uploads.maxBytes, require2fa: config.security.require2fa }),
    );

    app.get(
      '/api/problems',
      {
        schema: {
          tags: ['meta'],
          summary: 'Every error code the API returns, with its HTTP status',
          response: {
            200: z.array(
              z.object({ code: z.string(), type: z.string(), title: z.string(), status: z.number() }),
            ),
          },
        },
      },
      async () =>
        (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => ({
          code,
          type: problemType(code),
          title: ERROR_CODES[code],
          status: HTTP_STATUS[code],
        })),
    );
  };
