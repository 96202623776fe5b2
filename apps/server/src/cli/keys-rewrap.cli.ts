/**
 * `npm run keys:rewrap`: after a new master key version is added to MASTER_KEYS (and every API and
 * worker runs with it), re-wraps every user's data key under the newest version while the service
 * runs. When it reports `"left": 0`, the old version can be removed from MASTER_KEYS.
 * Exit code 0 when every data key is on the current version, 1 otherwise.
 */
import { systemClock } from '../adapters/clock/clock';
import { createLocalKeyRing } from '../adapters/keys/key-ring.local';
import { parseConfigOrExit } from '../entrypoint';
import { rewrapDataKeys } from '../services/backup/rewrap-keys';
import { openDatabaseFor } from './cli-database';

const config = parseConfigOrExit(process.env);
try {
  const keyRing = await createLocalKeyRing(config.keys);
  const database = await openDatabaseFor(config);
  try {
    const { rewrapped, left } = await rewrapDataKeys(database.db, keyRing, systemClock);
    console.log(JSON.stringify({ ok: left === 0, currentVersion: keyRing.currentVersion, rewrapped, left }));
    process.exitCode = left === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`Re-wrapping failed: ${(err as Error).message}`);
  process.exit(1);
}
