import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors/app-error';
import { HTTP_STATUS, problemType } from '../http/problem';

/** The catalogue of problem types that error responses link to. */
export const metaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/problems',
    {
      schema: {
        tags: ['meta'],
        summary: 'Every error code the API returns, with its HTTP status',
        response: {
          200: z.array(z.object({ code: z.string(), type: z.string(), title: z.string(), status: z.number() })),
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
