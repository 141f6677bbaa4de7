import { handle, jsonBody } from '@/lib/api/handler';
import { listPrompts } from '@/lib/server/prompts/list-prompts';
import { savePrompt } from '@/lib/server/prompts/save-prompt';

type P = { projectId: string };

/** Each teacher operation's prompt in use, its version and the project's saved versions. */
export const GET = handle<P>(async (_req, { db, actor }, { projectId }) => ({ prompts: await listPrompts(db, actor, projectId) }));

/** A new version of one prompt: `{operation, template}` (empty template = back to the default). */
export const POST = handle<P>(async (req, { db, actor }, { projectId }) => ({
  prompt: await savePrompt(db, actor, projectId, await jsonBody(req)),
}));
