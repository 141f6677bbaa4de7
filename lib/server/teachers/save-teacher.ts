import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { teacherInput } from './schemas';
import { seal } from './secret-box';
import { toTeacherView, type TeacherView } from './teacher-view';

/** Creates a teacher, or updates the one with `teacherId` (optimistic: `version` must match). */
export async function saveTeacher(
  db: Db,
  actor: Actor,
  projectId: string,
  input: unknown,
  teacherId?: string,
): Promise<TeacherView> {
  await authorize(db, actor, projectId, 'owner');
  const parsed = teacherInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'teacher');
  const { apiKey, version, ...fields } = parsed.data;
  const data = {
    ...fields,
    baseURL: fields.baseURL ?? null,
    maxTokens: fields.maxTokens ?? null,
    requestsPerMinute: fields.requestsPerMinute ?? null,
    tokensPerMinute: fields.tokensPerMinute ?? null,
    apiKeyEnv: fields.apiKeyEnv ?? null,
    ...(apiKey !== undefined && { apiKeyCipher: apiKey === null ? null : seal(apiKey) }),
  };
  const clash = await db.teacher.findFirst({
    where: { projectId, name: data.name, ...(teacherId && { NOT: { id: teacherId } }) },
    select: { id: true },
  });
  if (clash) throw new AppError('conflict', `a teacher named "${data.name}" already exists`);
  if (!teacherId) {
    const row = await db.teacher.create({ data: { ...data, projectId } });
    // The key itself never reaches the audit log.
    await recordAuditEvent(db, actor, { projectId, action: 'teacher.create', targetType: 'Teacher', targetId: row.id, before: null, after: toTeacherView(row) });
    return toTeacherView(row);
  }
  const before = await db.teacher.findFirst({ where: { id: teacherId, projectId } });
  if (!before) throw new AppError('not_found', 'teacher not found');
  if (version === undefined) throw new AppError('invalid', 'an update names the version it read');
  // A stored key goes only where it was entered for: a new endpoint needs it typed again.
  if (
    before.apiKeyCipher &&
    apiKey === undefined &&
    (before.baseURL !== data.baseURL || before.provider !== data.provider)
  )
    throw new AppError('invalid', 'the endpoint or provider changed: enter the API key again (or remove it)', {
      issues: [{ path: 'apiKey', message: 'enter the key again for the new endpoint' }],
    });
  const { count } = await db.teacher.updateMany({
    where: { id: teacherId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (!count) throw new AppError('conflict', 'someone else changed this teacher; reload to see their version');
  const row = await db.teacher.findUniqueOrThrow({ where: { id: teacherId } });
  await recordAuditEvent(db, actor, { projectId, action: 'teacher.update', targetType: 'Teacher', targetId: row.id, before: toTeacherView(before), after: toTeacherView(row) });
  return toTeacherView(row);
}
