import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../adapters/db/database';
import { returnComments, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';

/** Comments on a return by its owner and invited reviewers; every step audited. */
export class ReviewService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(returnId: string) {
    const rows = await this.db
      .select({ c: returnComments, author: users })
      .from(returnComments)
      .innerJoin(users, eq(users.id, returnComments.authorId))
      .where(eq(returnComments.returnId, returnId))
      .orderBy(asc(returnComments.createdAt));
    return rows.map(({ c, author }) => ({
      id: c.id,
      itemId: c.itemId,
      body: c.body,
      author: {
        id: author.id,
        name: `${author.givenName} ${author.familyName}`.trim() || author.email,
        role: author.role,
      },
      createdAt: c.createdAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
    }));
  }

  async add(
    returnId: string,
    ownerId: string,
    authorId: string,
    body: string,
    itemId: string | undefined,
    context: AuditContext,
  ) {
    const id = await this.db.transaction(async (tx) => {
      const [comment] = await tx
        .insert(returnComments)
        .values({ returnId, authorId, body, itemId: itemId ?? null })
        .returning({ id: returnComments.id });
      await this.audit.record(
        context,
        {
          action: 'return.comment-added',
          subjectUserId: ownerId,
          targetType: 'return',
          targetId: returnId,
          details: { commentId: comment!.id, itemId: itemId ?? null },
        },
        tx,
      );
      return comment!.id;
    });
    return (await this.list(returnId)).find((c) => c.id === id)!;
  }

  async resolve(returnId: string, ownerId: string, commentId: string, context: AuditContext): Promise<void> {
    const [updated] = await this.db
      .update(returnComments)
      .set({ resolvedAt: new Date() })
      .where(and(eq(returnComments.id, commentId), eq(returnComments.returnId, returnId)))
      .returning({ id: returnComments.id });
    if (!updated) throw new AppError('NOT_FOUND', 'No such comment');
    await this.audit.record(context, {
      action: 'return.comment-resolved',
      subjectUserId: ownerId,
      targetType: 'return',
      targetId: returnId,
      details: { commentId },
    });
  }
}
