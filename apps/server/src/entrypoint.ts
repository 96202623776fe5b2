import type { Logger } from 'pino';
import { ConfigError, parseConfig, type Config } from './config/config';
import { DataDirLockedError } from './adapters/db/database.pglite';

/** EX_CONFIG from sysexits.h: the configuration is wrong. */
const EXIT_CONFIG = 78;

export function parseConfigOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(EXIT_CONFIG);
    }
    throw err;
  }
}

/** Start-up failed: say why in one clear line where we can, then exit non-zero. */
export function startupFailure(log: Logger, err: unknown): never {
  if (err instanceof DataDirLockedError) {
    log.fatal(err.message);
    console.error(err.message);
  } else {
    log.fatal({ err }, 'Numeri could not start');
  }
  process.exit(1);
}
