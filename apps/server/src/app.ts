import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Adapters } from './adapters/create-adapters';
import { buildProblem, errorHandler, sendProblem } from './http/problem';
import { registerRequestContext, requestIdFrom } from './http/request-context';
import { registerStaticWeb } from './http/static-web';
import { createAuthGuards } from './http/auth-guards';
import { accountRoutes } from './routes/account.routes';
import { adminRoutes } from './routes/admin.routes';
import { authRoutes } from './routes/auth.routes';
import { healthRoutes } from './routes/health.routes';
import { metaRoutes } from './routes/meta.routes';
import { taxRoutes } from './routes/tax.routes';
import { returnsRoutes } from './routes/returns.routes';
import { documentRoutes } from './routes/documents.routes';
import { transactionRoutes } from './routes/transactions.routes';
import { createServices, type Services } from './services/create-services';

export interface BuildAppOptions {
  /** Serve the built web app (off in most API tests). */
  serveWeb?: boolean;
  /** Services built elsewhere (tests that need to reach into them). */
  services?: Services;
  /** Extra routes registered with the app's plugins (tests of cross-cutting behaviour). */
  extraRoutes?: FastifyPluginAsyncZod;
}

export type App = FastifyInstance & { services: Services };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Builds the HTTP app from its dependencies. It never reads the environment: the entrypoints
 * parse config and create adapters; tests pass embedded adapters and call `inject()`.
 */
export async function buildApp(adapters: Adapters, options: BuildAppOptions = {}): Promise<App> {
  const { config, log, metrics } = adapters;
  const services = options.services ?? createServices(adapters);

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: config.http.trustProxy,
    bodyLimit: 1024 * 1024,
    // Slowloris and stuck clients: a request must arrive in full within these limits.
    requestTimeout: 60_000,
    connectionTimeout: 75_000,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  registerRequestContext(app, metrics);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Radix and Recharts set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.http.publicUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  });
  if (config.http.corsOrigins.length) {
    await app.register(fastifyCors, {
      origin: config.http.corsOrigins,
      credentials: true,
      exposedHeaders: ['x-request-id', 'x-process-time', 'retry-after'],
    });
  }
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // Redis down: serve without the shared limits rather than fail every limited route with 500.
    // Sign-in lockouts do not depend on it (sign_in_throttles in the database).
    skipOnError: true,
    ...(adapters.redis ? { redis: adapters.redis, nameSpace: 'numeri-rl:' } : {}),
    // Over the limit: the same problem+json shape as every other error.
    errorResponseBuilder: (request, context) => {
      const error = new Error(
        `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`,
      ) as Error & {
        statusCode: number;
      };
      error.statusCode = 429;
      void request;
      return error;
    },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Numeri API',
        version: '1.0.0',
        description:
          'Self-service income tax returns for Australian individuals. Errors are RFC 9457 problem+json ' +
          '(see GET /api/problems for every code).',
      },
      servers: [{ url: config.http.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.decorateRequest('auth', null);
  // Read-your-writes (ADR 0011): after a signed-in user's write, their list reads stay on the primary.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.auth && !SAFE_METHODS.has(request.method)) adapters.database.noteWrite(request.auth.user.id);
    return payload;
  });
  const guards = createAuthGuards({
    db: adapters.database.db,
    tokens: services.tokens,
    clock: adapters.clock,
    require2fa: config.security.require2fa,
  });

  await app.register(healthRoutes(adapters));
  await app.register(metaRoutes(config));
  await app.register(taxRoutes(services));
  await app.register(authRoutes(services, guards));
  await app.register(accountRoutes(services, guards, adapters.database.db));
  await app.register(adminRoutes(services, guards));
  await app.register(returnsRoutes(services, guards, adapters.database.db));
  await app.register(documentRoutes(services, guards, adapters));
  await app.register(transactionRoutes(services, guards));
  if (options.extraRoutes) await app.register(options.extraRoutes);

  const web = options.serveWeb ? await registerStaticWeb(app, config.web.distDir) : {};
  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|healthz|readyz|metrics)(\/|$|\?)/.test(request.url);
    // A page is asked for by a browser (Accept: text/html) or, from curl and link checkers, by a
    // path without a file extension; a missing file (an old /assets/x.js) stays a 404.
    const urlPath = request.url.split('?')[0]!;
    const wantsPage = (request.headers.accept ?? '').includes('text/html') || !/\.[a-z0-9]+$/i.test(urlPath);
    if (!isApi && web.serveIndex && request.method === 'GET' && wantsPage) {
      return web.serveIndex(request, reply);
    }
    return sendProblem(
      reply,
      buildProblem('NOT_FOUND', request, `No route for ${request.method} ${request.url.split('?')[0]}`),
    );
  });

  return Object.assign(app, { services }) as unknown as App;
}
