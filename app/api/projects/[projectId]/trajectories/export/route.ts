import { attachment } from '@/lib/api/download';
import { handle, searchParams } from '@/lib/api/handler';
import { getProject } from '@/lib/server/projects/get-project';
import { dumpTrajectories } from '@/lib/server/trajectories/dump-trajectories';

/** The filtered trajectories as JSON lines in the studio's format, streamed. */
export const GET = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) => {
  const project = await getProject(db, actor, projectId);
  const { lines } = await dumpTrajectories(db, actor, project.id, searchParams(req));
  const encoder = new TextEncoder();
  const iterator = lines();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': attachment(project.name, 'trajectories.jsonl'),
    },
  });
});
