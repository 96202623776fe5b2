import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/adapters/db/database';
import { auditLogs, documents, users } from '../../src/db/schema';
import { databaseTargets } from '../support/test-database';

const newUser = (email: string) => ({ email, passwordHash: 'x', dataKeyWrapped: 'mk1.x' });

for (const target of databaseTargets()) {
  describe(`Database contract: ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.create();
    });
    afterAll(() => database.close());

    it('has every table from the migrations', async () => {
      const result = (await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      )) as unknown as { rows: { table_name: string }[] };
      const names = result.rows.map((row) => row.table_name);
      expect(names).toEqual(
        expect.arrayContaining([
          'audit_logs',
          'documents',
          'jobs',
          'tax_returns',
          'transactions',
          'user_sessions',
          'users',
        ]),
      );
    });

    it('answers ping', async () => {
      await expect(database.ping()).resolves.toBeUndefined();
    });

    it('enforces unique, lower-case emails', async () => {
      await database.db.insert(users).values(newUser('unique@example.com'));
      await expect(database.db.insert(users).values(newUser('unique@example.com'))).rejects.toThrow();
      await expect(database.db.insert(users).values(newUser('Upper@Example.com'))).rejects.toThrow();
    });

    it('rolls a failed transaction back completely', async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await tx.insert(users).values(newUser('rollback@example.com'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const rows = await database.db.select().from(users).where(eq(users.email, 'rollback@example.com'));
      expect(rows).toEqual([]);
    });

    it('stores cents exactly in bigint columns', async () => {
      const [user] = await database.db.insert(users).values(newUser('cents@example.com')).returning();
      const [doc] = await database.db
        .insert(documents)
        .values({
          ownerId: user!.id,
          originalName: 'a.pdf',
          contentType: 'application/pdf',
          sizeBytes: 9_007_199_254_740,
          sha256: 'abc',
          storageKey: 'k',
        })
        .returning();
      expect(doc!.sizeBytes).toBe(9_007_199_254_740);
    });

    it('finds documents by full-text search', async () => {
      const [user] = await database.db.insert(users).values(newUser('search@example.com')).returning();
      await database.db.insert(documents).values({
        ownerId: user!.id,
        originalName: 'receipt.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'search-1',
        storageKey: 'k1',
        searchVector:
          sql`to_tsvector('english', ${'Officeworks tax invoice ergonomic chair'})` as unknown as string,
      });
      const hits = await database.db
        .select({ name: documents.originalName })
        .from(documents)
        .where(sql`${documents.searchVector} @@ websearch_to_tsquery('english', ${'chairs'})`);
      expect(hits).toEqual([{ name: 'receipt.pdf' }]);
    });

    it('refuses to update or delete audit entries', async () => {
      const [entry] = await database.db
        .insert(auditLogs)
        .values({ occurredAt: new Date(), action: 'test', outcome: 'success', prevHash: '0', hash: '1' })
        .returning();
      const causeOf = async (work: Promise<unknown>) => {
        const err = await work.then(
          () => undefined,
          (e: Error & { cause?: Error }) => e,
        );
        return String(err?.cause?.message ?? err?.message);
      };
      expect(
        await causeOf(
          database.db.update(auditLogs).set({ action: 'edited' }).where(eq(auditLogs.seq, entry!.seq)),
        ),
      ).toMatch(/append-only/);
      expect(await causeOf(database.db.delete(auditLogs).where(eq(auditLogs.seq, entry!.seq)))).toMatch(
        /append-only/,
      );
    });
  });
}
