/**
 * `npm run audit:verify`: walks the audit chain of the configured database and reports the first
 * broken link. Exit code 0 when intact, 2 when tampered, 1 when it could not check.
 */
import { parseConfigOrExit } from '../entrypoint';
import { createLogger } from '../logging/logger';
import { verifyAuditChain } from '../services/audit/audit.service';
import { openDatabaseFor } from './cli-database';

const config = parseConfigOrExit(process.env);
const log = createLogger('warn');
try {
  const database = await openDatabaseFor(config);
  const verdict = await verifyAuditChain(database.db);
  await database.close();
  if (verdict.ok) {
    console.log(`Audit chain intact: ${verdict.entries} entries verified.`);
    process.exit(0);
  }
  console.error(
    `Audit chain BROKEN at entry #${verdict.brokenAtSeq}: ${verdict.reason}. ${verdict.entries} entries before it verified.`,
  );
  process.exit(2);
} catch (err) {
  log.error({ err }, 'could not verify the audit chain');
  console.error(`Could not verify the audit chain: ${(err as Error).message}`);
  process.exit(1);
}
