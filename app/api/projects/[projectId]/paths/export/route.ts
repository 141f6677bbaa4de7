import { attachment } from '@/lib/api/download';
import { handle, searchParams } from '@/lib/api/handler';
import { exportPaths } from '@/lib/server/paths/export-paths';
import { getProject } from '@/lib/server/projects/get-project';

/** The filtered paths as JSON lines, downloaded. */
export const GET = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) => {
  const project = await getProject(db, actor, projectId);
  const { jsonl } = await exportPaths(db, actor, project.id, searchParams(req));
  return new Response(jsonl, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': attachment(project.name, 'paths.jsonl'),
    },
  });
});
