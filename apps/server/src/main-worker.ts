/**
 * Worker entrypoint (`npm run worker`): consumes background jobs from BullMQ. Serves /healthz,
 * /readyz and /metrics on WORKER_PORT for probes and scraping.
 */
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { closeAdapters, createAdapters } from './adapters/create-adapters';
import { parseConfigOrExit, startupFailure } from './entrypoint';
import { createLogger } from './logging/logger';
import { healthRoutes } from './routes/health.routes';
import { createServices } from './services/create-services';

const config = parseConfigOrExit(process.env);
const log = createLogger(config.logLevel).child({ role: 'worker' });

if (!config.redisUrl) {
  console.error(
    'npm run worker needs REDIS_URL (and usually DATABASE_URL): without Redis the API process runs jobs itself.',
  );
  process.exit(78);
}

try {
  const adapters = await createAdapters(config, log);
  const services = createServices(adapters);
  await services.jobs.start(config.jobs.concurrency);

  const probe = Fastify({ loggerInstance: log as FastifyBaseLogger, disableRequestLogging: true });
  probe.setValidatorCompiler(validatorCompiler);
  probe.setSerializerCompiler(serializerCompiler);
  await probe.register(healthRoutes(adapters));
  await probe.listen({ port: config.workerPort, host: config.http.host });
  log.info({ concurrency: config.jobs.concurrency, port: config.workerPort }, 'worker consuming jobs');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker shutting down: finishing running jobs');
    const hardStop = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 5_000);
    hardStop.unref();
    await services.jobs.stop(config.shutdownTimeoutMs);
    await probe.close();
    await closeAdapters(adapters);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
} catch (err) {
  startupFailure(log, err);
}
