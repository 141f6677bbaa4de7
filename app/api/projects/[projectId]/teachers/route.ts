import { handle, jsonBody } from '@/lib/api/handler';
import { listTeachers } from '@/lib/server/teachers/list-teachers';
import { saveTeacher } from '@/lib/server/teachers/save-teacher';

type P = { projectId: string };

/** The project's LLM teachers (API keys are never returned, only where they come from). */
export const GET = handle<P>(async (_req, { db, actor }, { projectId }) => ({
  teachers: await listTeachers(db, actor, projectId),
}));

export const POST = handle<P>(async (req, { db, actor }, { projectId }) => ({
  teacher: await saveTeacher(db, actor, projectId, await jsonBody(req)),
}));
