/**
 * API entrypoint: parse config → create adapters → build app → listen. In embedded mode (no
 * REDIS_URL) this process also runs background jobs.
 */
import { closeAdapters, createAdapters } from './adapters/create-adapters';
import { buildApp } from './app';
import { parseConfigOrExit, startupFailure } from './entrypoint';
import { createLogger } from './logging/logger';

const config = parseConfigOrExit(process.env);
const log = createLogger(config.logLevel);

try {
  const adapters = await createAdapters(config, log);
  const app = await buildApp(adapters, { serveWeb: true });
  if (config.jobs.inProcess) await app.services.jobs.start(config.jobs.concurrency);
  await app.listen({ port: config.http.port, host: config.http.host });
  log.info(
    { database: adapters.database.kind, queue: adapters.jobQueue.kind, jobsInProcess: config.jobs.inProcess },
    `Numeri is running at ${config.http.publicUrl}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests and jobs');
    const hardStop = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    hardStop.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await app.services.jobs.stop(config.shutdownTimeoutMs);
      await app.services.emails.flush();
      await closeAdapters(adapters);
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
} catch (err) {
  startupFailure(log, err);
}
