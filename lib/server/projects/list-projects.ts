import type { Db } from '@/lib/db/client';
import type { Actor } from '../actor';

/** The projects the actor is a member of, with their function counts. */
export async function listProjects(db: Db, actor: Actor) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    include: { project: { include: { _count: { select: { functions: true, edges: true, paths: true } } } } },
    orderBy: { project: { createdAt: 'asc' } },
  });
  return memberships.map(({ project, role }) => ({
    id: project.id,
    name: project.name,
    description: project.description,
    isDemo: project.isDemo,
    role,
    createdAt: project.createdAt.toISOString(),
    counts: { functions: project._count.functions, edges: project._count.edges, paths: project._count.paths },
  }));
}
export type ProjectSummary = Awaited<ReturnType<typeof listProjects>>[number];
