import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';

export async function listMembers(db: Db, actor: Actor, projectId: string) {
  await authorize(db, actor, projectId, 'viewer');
  const rows = await db.membership.findMany({
    where: { projectId },
    include: { user: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role }));
}
