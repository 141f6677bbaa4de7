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

function toData(actor: Actor | null, input: AuditInput) {
  return {
    projectId: input.projectId,
    actorId: actor?.userId ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    before: (input.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (input.after ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

/** Records who did what, with before/after, in the caller's transaction. */
export async function recordAuditEvent(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: toData(actor, input) });
}

/** Many events in one statement (a bulk delete of thousands must not cost thousands of round trips). */
export async function recordAuditEvents(tx: Tx, actor: Actor | null, inputs: AuditInput[]): Promise<void> {
  if (inputs.length) await tx.auditEvent.createMany({ data: inputs.map((input) => toData(actor, input)) });
}
