import type { Db } from '@/lib/db/client';
import type { Recipe } from '@/lib/magnet/paths';
import { authorize, type Actor } from '../actor';

export interface RecipeView {
  id: string;
  name: string;
  config: Recipe;
  paths: number;
  updatedAt: string;
}

/** The project's saved recipes, most recently used first, with how many paths each has. */
export async function listRecipes(db: Db, actor: Actor, projectId: string): Promise<RecipeView[]> {
  await authorize(db, actor, projectId, 'viewer');
  const rows = await db.recipe.findMany({
    where: { projectId },
    orderBy: [{ updatedAt: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, config: true, updatedAt: true, _count: { select: { paths: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    config: r.config as unknown as Recipe,
    paths: r._count.paths,
    updatedAt: r.updatedAt.toISOString(),
  }));
}
