// The demo project a new user sees on first start: the studio's own authored library
// (lib/magnet/demo), imported through the same use case as any upload.
import type { Db } from '@/lib/db/client';
import { DEMO_PROJECT, demoLibraryFiles } from '@/lib/magnet/demo/library';
import type { Actor } from '../actor';
import { createProject } from '../projects/create-project';
import { buildGraph } from '../graph/build-graph';
import { importLibrary } from '../library/import-library';

/** Seeds the demo project unless the database already has any project. Returns its id, or null. */
export async function seedDemoProject(db: Db, actor: Actor, opts: { force?: boolean } = {}): Promise<string | null> {
  if (!opts.force && (await db.project.count()) > 0) return null;
  if (await db.project.findUnique({ where: { name: DEMO_PROJECT.name }, select: { id: true } })) return null;
  const project = await createProject(db, actor, DEMO_PROJECT, { isDemo: true });
  await importLibrary(db, actor, project.id, { files: demoLibraryFiles(), format: 'bfcl' });
  // Proposed, not accepted: deciding edges is the curator's job, and the demo shows it.
  await buildGraph(db, actor, project.id, { method: 'heuristic' });
  return project.id;
}
