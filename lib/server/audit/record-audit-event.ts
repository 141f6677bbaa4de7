import type { Db, Prisma } from '@/lib/db/client';
import type { Actor } from '../actor';

type Tx = Pick<Db, 'auditEvent'>;

export interface AuditInput {
  projectId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who did what, with before/after, in the caller's transaction. */
export async function recordAuditEvent(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      projectId: input.projectId,
      actorId: actor?.userId ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      before: (input.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (input.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
