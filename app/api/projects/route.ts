import { handle, jsonBody } from '@/lib/api/handler';
import { createProject } from '@/lib/server/projects/create-project';
import { listProjects } from '@/lib/server/projects/list-projects';

export const GET = handle(async (_req, { db, actor }) => ({ projects: await listProjects(db, actor) }));

export const POST = handle(async (req, { db, actor }) => {
  const project = await createProject(db, actor, (await jsonBody(req)) as never);
  return { project: { id: project.id, name: project.name, description: project.description } };
});
