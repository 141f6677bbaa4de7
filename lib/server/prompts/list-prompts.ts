import type { Db } from '@/lib/db/client';
import { PROMPT_OPERATIONS, PROMPT_TEMPLATES, PROMPT_VERSIONS, promptVersion, type PromptOperation, type PromptOverrides } from '@/lib/magnet/translate';
import { authorize, type Actor } from '../actor';

export interface PromptView {
  operation: PromptOperation;
  /** The template runs use now: the project's newest version, else the default. */
  template: string;
  /** e.g. `write_query@1`, or `write_query@custom:1a2b3c4d` for a project's own. */
  version: string;
  isDefault: boolean;
  defaultTemplate: string;
  /** The project's saved versions of this operation, newest first. */
  history: { version: number; createdAt: string; isDefault: boolean }[];
}

/**
 * The project's prompt overrides: the newest version of each operation (empty = the default), or
 * the versions in `pinned` (what a run recorded when it started, so all its paths use the same).
 */
export async function loadPromptOverrides(
  db: Db,
  projectId: string,
  pinned?: Partial<Record<string, number>>,
): Promise<PromptOverrides> {
  const rows = await db.promptTemplate.findMany({ where: { projectId }, orderBy: { version: 'desc' } });
  const out: PromptOverrides = {};
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.operation)) continue;
    // Pinned: exactly the recorded version, and the default for an operation saved only later.
    if (pinned && pinned[r.operation] !== r.version) continue;
    seen.add(r.operation);
    if (r.template.trim() && (PROMPT_OPERATIONS as readonly string[]).includes(r.operation))
      out[r.operation as PromptOperation] = r.template;
  }
  return out;
}

/** The newest saved version number of each operation the project has saved. */
export async function latestPromptVersions(db: Db, projectId: string): Promise<Record<string, number>> {
  const rows = await db.promptTemplate.groupBy({ by: ['operation'], where: { projectId }, _max: { version: true } });
  return Object.fromEntries(rows.map((r) => [r.operation, r._max.version ?? 0]));
}

export async function listPrompts(db: Db, actor: Actor, projectId: string): Promise<PromptView[]> {
  await authorize(db, actor, projectId, 'viewer');
  const [rows, overrides] = await Promise.all([
    db.promptTemplate.findMany({ where: { projectId }, orderBy: { version: 'desc' } }),
    loadPromptOverrides(db, projectId),
  ]);
  return PROMPT_OPERATIONS.map((operation) => ({
    operation,
    template: overrides[operation] ?? PROMPT_TEMPLATES[operation],
    version: overrides[operation] ? promptVersion(operation, overrides) : PROMPT_VERSIONS[operation],
    isDefault: !overrides[operation],
    defaultTemplate: PROMPT_TEMPLATES[operation],
    history: rows
      .filter((r) => r.operation === operation)
      .map((r) => ({ version: r.version, createdAt: r.createdAt.toISOString(), isDefault: !r.template.trim() })),
  }));
}
