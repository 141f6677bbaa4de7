import { handle, jsonBody } from '@/lib/api/handler';
import { getProject } from '@/lib/server/projects/get-project';
import { updateProject } from '@/lib/server/projects/update-project';

type P = { projectId: string };

export const GET = handle<P>(async (_req, { db, actor }, { projectId }) => {
  const p = await getProject(db, actor, projectId);
  return { project: { id: p.id, name: p.name, description: p.description, isDemo: p.isDemo, role: p.role } };
});

export const PATCH = handle<P>(async (req, { db, actor }, { projectId }) => {
  const p = await updateProject(db, actor, projectId, (await jsonBody(req)) as never);
  return { project: { id: p.id, name: p.name, description: p.description } };
});
