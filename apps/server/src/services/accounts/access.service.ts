import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { DelegationService } from './delegation.service';

export interface Actor {
  userId: string;
}

/**
 * Whose data a request may touch. The owner always; a reviewer only through an active delegation
 * (and every such access is audited); nobody else, and to everybody else the data does not exist:
 * 404, never 403, so an id cannot even be probed.
 */
export class AccessService {
  constructor(
    private readonly delegations: DelegationService,
    private readonly audit: AuditService,
  ) {}

  /** Resolves the owner a request acts on: `requestedOwnerId` or, when absent, the actor. */
  async ownerFor(
    actor: Actor,
    requestedOwnerId: string | undefined,
    context: AuditContext,
    access: { action: string; targetType?: string; targetId?: string },
  ): Promise<string> {
    const ownerId = requestedOwnerId ?? actor.userId;
    if (ownerId === actor.userId) return ownerId;
    if (!(await this.delegations.isActiveReviewer(ownerId, actor.userId))) {
      await this.audit.record(context, {
        action: access.action,
        outcome: 'denied',
        subjectUserId: null,
        details: { requestedOwnerId: ownerId },
      });
      throw new AppError('NOT_FOUND', 'Not found');
    }
    await this.audit.record(context, {
      action: access.action,
      subjectUserId: ownerId,
      ...(access.targetType ? { targetType: access.targetType } : {}),
      ...(access.targetId ? { targetId: access.targetId } : {}),
      details: { via: 'delegation' },
    });
    return ownerId;
  }
}
