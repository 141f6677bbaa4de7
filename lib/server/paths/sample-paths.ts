import type { Db } from '@/lib/db/client';
import { createPathSampler, type Recipe } from '@/lib/magnet/paths';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { loadPathGraph } from './load-path-graph';
import { samplePathsInput, type SamplePathsInput } from './schemas';
import { writePaths } from './write-paths';

export interface SampleReport {
  recipeId: string;
  recipeName: string;
  recipe: Recipe;
  sampled: number;
  /** Paths whose walk ended before `steps` functions. */
  stoppedEarly: number;
  /** The reasons, most common first (at most 10). */
  stopReasons: { reason: string; count: number }[];
  firstOrdinal: number | null;
  ms: number;
}

/**
 * Saves the recipe under its name (replacing that recipe's settings) and samples `count` paths
 * from it along the project's edges; each path keeps a copy of the recipe and its own seed.
 */
export async function samplePaths(
  db: Db,
  actor: Actor,
  projectId: string,
  input: SamplePathsInput,
): Promise<SampleReport> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = samplePathsInput.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'recipe');
  const { recipeName, recipe } = parsed.data;
  const started = Date.now();

  const graph = await loadPathGraph(db, projectId);
  if (graph.functions.length === 0) throw new AppError('invalid', 'the library is empty: import functions first');
  if (recipe.startNodes) {
    const known = new Set(graph.functions.map((f) => f.id));
    const unknown = recipe.startNodes.filter((id) => !known.has(id));
    if (unknown.length)
      throw new AppError('invalid', `start nodes not in this project: ${unknown.slice(0, 5).join(', ')}`);
  }
  const sampler = createPathSampler(graph, recipe);
  if (!sampler.index.functions.some((f) => sampler.index.next(f.id).length > 0))
    throw new AppError(
      'invalid',
      recipe.includeProposed
        ? 'no function has an outgoing edge that is not rejected: build or draw the graph first'
        : 'no function has an accepted outgoing edge: accept edges in the Graph stage, or include proposed edges',
    );
  const paths = Array.from({ length: recipe.count }, (_, i) => sampler.sample(i));

  const result = await db.$transaction(
    async (tx) => {
      const saved = await tx.recipe.upsert({
        where: { projectId_name: { projectId, name: recipeName } },
        create: { projectId, name: recipeName, config: recipe },
        update: { config: recipe },
      });
      const { ids, firstOrdinal } = await writePaths(
        db,
        tx,
        projectId,
        paths.map((path) => ({ path, origin: 'sampled', recipeId: saved.id, recipe, seed: path.seed })),
      );
      await recordAuditEvent(tx, actor, {
        projectId,
        action: 'paths.sample',
        targetType: 'recipe',
        targetId: saved.id,
        after: { recipeName, recipe, sampled: ids.length },
      });
      return { recipeId: saved.id, firstOrdinal: ids.length ? firstOrdinal : null };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );

  const reasons = new Map<string, number>();
  for (const p of paths) if (p.stopReason) reasons.set(p.stopReason, (reasons.get(p.stopReason) ?? 0) + 1);
  return {
    recipeId: result.recipeId,
    recipeName,
    recipe,
    sampled: paths.length,
    stoppedEarly: [...reasons.values()].reduce((a, b) => a + b, 0),
    stopReasons: [...reasons]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([reason, count]) => ({ reason, count })),
    firstOrdinal: result.firstOrdinal,
    ms: Date.now() - started,
  };
}
