import { handle, searchParams } from '@/lib/api/handler';
import { exportPaths } from '@/lib/server/paths/export-paths';
import { getProject } from '@/lib/server/projects/get-project';

/** The filtered paths as JSON lines, downloaded. */
export const GET = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) => {
  const project = await getProject(db, actor, projectId);
  const { jsonl } = await exportPaths(db, actor, project.id, searchParams(req));
  const slug =
    project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'project';
  return new Response(jsonl, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}.paths.jsonl"`,
    },
  });
});
