import { handle, jsonBody } from '@/lib/api/handler';
import { deleteTeacher } from '@/lib/server/teachers/delete-teacher';
import { saveTeacher } from '@/lib/server/teachers/save-teacher';

type P = { projectId: string; teacherId: string };

/** Update: the whole teacher with the `version` read; `apiKey` absent keeps the stored key. */
export const PUT = handle<P>(async (req, { db, actor }, { projectId, teacherId }) => ({
  teacher: await saveTeacher(db, actor, projectId, await jsonBody(req), teacherId),
}));

export const DELETE = handle<P>(async (_req, { db, actor }, { projectId, teacherId }) =>
  deleteTeacher(db, actor, projectId, teacherId),
);
