import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { estimateRequestSchema, estimateResponseSchema } from '@numeri/contracts';
import type { Services } from '../services/create-services';

export function taxRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/tax/estimate',
      {
        // Public and cheap (~10 µs of arithmetic), but still bounded per client.
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['tax'],
          summary: 'Estimate tax and refund for an income year (no sign-in)',
          description:
            'Amounts are dollars with at most two decimals. Every line of the result names its rule, its inputs and its ATO source; `missing` lists what would make the estimate exact.',
          body: estimateRequestSchema,
          response: { 200: estimateResponseSchema },
        },
      },
      async (request) => services.estimates.estimate(request.body),
    );
  };
}
