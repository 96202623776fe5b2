/**
 * `npm run user:role -- --email person@example.com --role admin`: sets an account's role from the
 * command line (how the first admin is made). Audited like any other role change.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { roleSchema } from '@numeri/contracts';
import { systemClock } from '../adapters/clock/clock';
import { users } from '../db/schema';
import { parseConfigOrExit } from '../entrypoint';
import { AuditService } from '../services/audit/audit.service';
import { openDatabaseFor } from './cli-database';

const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' } } });
const role = roleSchema.safeParse(values.role);
if (!values.email || !role.success) {
  console.error('Usage: npm run user:role -- --email person@example.com --role taxpayer|reviewer|admin');
  process.exit(64);
}
const config = parseConfigOrExit(process.env);
const database = await openDatabaseFor(config);
try {
  const [user] = await database.db
    .select()
    .from(users)
    .where(eq(users.email, values.email.trim().toLowerCase()));
  if (!user) {
    console.error(`No account uses ${values.email}.`);
    process.exit(1);
  }
  await database.db.update(users).set({ role: role.data }).where(eq(users.id, user.id));
  await new AuditService(database.db, systemClock).record(
    { actorUserId: null, ip: null, userAgent: 'cli', requestId: null },
    {
      action: 'admin.role-changed',
      subjectUserId: user.id,
      details: { from: user.role, to: role.data, via: 'cli' },
    },
  );
  console.log(`${values.email} is now ${role.data}.`);
} finally {
  await database.close();
}
