import { attachment } from '@/lib/api/download';
import { handle, searchParams } from '@/lib/api/handler';
import { exportLibrary } from '@/lib/server/library/export-library';
import { getProject } from '@/lib/server/projects/get-project';

export const GET = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) => {
  const params = searchParams(req);
  const project = await getProject(db, actor, projectId);
  const body = await exportLibrary(db, actor, project.id, params);
  const format = params.format === 'mcp' ? 'mcp' : 'openai';
  return new Response(JSON.stringify(body, null, 2) + '\n', {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': attachment(
        project.name,
        `${format === 'mcp' ? 'mcp-tools' : 'openai-tools'}.json`,
        'library',
      ),
    },
  });
});
