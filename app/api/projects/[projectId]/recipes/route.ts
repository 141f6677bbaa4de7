import { handle } from '@/lib/api/handler';
import { listRecipes } from '@/lib/server/paths/list-recipes';

export const GET = handle<{ projectId: string }>(async (_req, { db, actor }, { projectId }) => ({
  recipes: await listRecipes(db, actor, projectId),
}));
