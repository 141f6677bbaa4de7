// Calls to the paths routes. Every function throws ApiError with the server's message on failure.
import { api } from '@/lib/client/api';
import type { PathBatchStats, PathGraph, PathIssue, PathOperation, RecipeInput } from '@/lib/magnet/paths';
import type { RecipeView } from '@/lib/server/paths/list-recipes';
import type { PathView } from '@/lib/server/paths/path-row';
import type { SampleReport } from '@/lib/server/paths/sample-paths';

export type { PathView, RecipeView, SampleReport };

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export interface PathListFilter {
  recipeId?: string;
  origin?: 'sampled' | 'curator';
  scenario?: 'miss_param' | 'miss_func' | 'any_split' | 'none';
  minTurns?: number;
  maxTurns?: number;
  functionId?: string;
  operations?: string;
}

export function filterParams(f: PathListFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p;
}

export const listPaths = (projectId: string, f: PathListFilter, offset: number, limit: number) =>
  api<{ total: number; offset: number; limit: number; paths: PathView[] }>(
    `${base(projectId)}/paths?${filterParams(f)}&offset=${offset}&limit=${limit}`,
  );

export const pathStats = (projectId: string, f: PathListFilter) =>
  api<PathBatchStats>(`${base(projectId)}/paths/stats?${filterParams(f)}`);

export const listRecipes = (projectId: string) => api<{ recipes: RecipeView[] }>(`${base(projectId)}/recipes`);

export const samplePaths = (projectId: string, recipeName: string, recipe: RecipeInput) =>
  api<SampleReport>(`${base(projectId)}/paths/sample`, { method: 'POST', json: { recipeName, recipe } });

export const deletePaths = (projectId: string, body: { ids: string[] } | { filter: PathListFilter }) =>
  api<{ deleted: number }>(`${base(projectId)}/paths`, { method: 'DELETE', json: body });

export const createPath = (projectId: string, name: string) =>
  api<{ path: PathView }>(`${base(projectId)}/paths`, { method: 'POST', json: { name } });

/** The editor validates as the curator edits, so it does not ask the server to. */
export const fetchPath = (projectId: string, pathId: string) =>
  api<{ path: PathView; issues: PathIssue[] | null }>(
    `${base(projectId)}/paths/${encodeURIComponent(pathId)}?check=false`,
  );

export const savePath = (
  projectId: string,
  pathId: string,
  body: { version: number; name: string; history: PathOperation[] },
) => api<{ path: PathView }>(`${base(projectId)}/paths/${encodeURIComponent(pathId)}`, { method: 'PUT', json: body });

export const fetchPathGraph = (projectId: string) => api<PathGraph>(`${base(projectId)}/paths/graph`);

export const fetchGraphStats = (projectId: string) =>
  api<{ functions: number; byStatus: Record<string, number> }>(`${base(projectId)}/graph/stats`);

/** Functions whose name, description or class contains `q`, by name (for the function filter). */
export const searchFunctions = (projectId: string, q: string) =>
  api<{ functions: { id: string; name: string; category: string }[] }>(
    `${base(projectId)}/functions?q=${encodeURIComponent(q)}&sort=name&limit=50`,
  );

export const exportUrl = (projectId: string, f: PathListFilter) => `${base(projectId)}/paths/export?${filterParams(f)}`;
