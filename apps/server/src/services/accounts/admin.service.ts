import { desc, eq } from 'drizzle-orm';
import type { Role } from '@numeri/contracts';
import type { Db } from '../../adapters/db/database';
import { users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';

/** Administration: who has an account and with which role. Admins do not see tax data. */
export class AdminService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async listUsers(limit: number, offset: number) {
    const rows = await this.db
      .select()
      .from(users)
      .orderBy(desc(users.createdAt))
      .limit(limit)
      .offset(offset);
    return rows.map((u) => ({
      id: u.id,
      email: u.email,
      name: `${u.givenName} ${u.familyName}`.trim(),
      role: u.role as Role,
      status: u.status,
      twoFactorEnabled: u.totpEnabledAt !== null,
      createdAt: u.createdAt.toISOString(),
    }));
  }

  async setRole(targetUserId: string, role: Role, context: AuditContext): Promise<void> {
    const [target] = await this.db.select().from(users).where(eq(users.id, targetUserId));
    if (!target) throw new AppError('NOT_FOUND', 'No such user');
    if (target.id === context.actorUserId && role !== 'admin') {
      throw new AppError('CONFLICT', 'You cannot remove your own admin role; ask another admin.');
    }
    await this.db.transaction(async (tx) => {
      await tx.update(users).set({ role }).where(eq(users.id, target.id));
      await this.audit.record(
        context,
        { action: 'admin.role-changed', subjectUserId: target.id, details: { from: target.role, to: role } },
        tx,
      );
    });
  }
}
