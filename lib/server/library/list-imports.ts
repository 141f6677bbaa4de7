import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';

export async function listImports(db: Db, actor: Actor, projectId: string, limit = 20) {
  await authorize(db, actor, projectId, 'viewer');
  const rows = await db.libraryImport.findMany({ where: { projectId }, orderBy: { createdAt: 'desc' }, take: limit });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    files: r.files as { name: string; format: string; bytes: number; functions: number }[],
    imported: r.imported,
    updated: r.updated,
    skipped: r.skipped,
    warnings: (r.issues as unknown[]).length,
  }));
}
