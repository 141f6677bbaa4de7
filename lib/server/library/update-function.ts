import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { isOpenAIName, toOpenAIName, validateParametersSchema, validateReturnsSchema } from '@/lib/magnet/functions';
import type { ImportIssue, JsonSchema } from '@/lib/magnet/functions/types';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { tagIndexOf, toView, uniqueTags, viewSelect } from './function-row';

const jsonObject = z.record(z.string(), z.unknown());

export const updateFunctionInput = z.object({
  /** The version the editor read: a stale one is refused, so two curators cannot overwrite each other. */
  version: z.number().int().min(1),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => !/[\u0000-\u001f\s]/.test(s), 'a name cannot contain spaces or control characters')
    .optional(),
  description: z.string().max(20_000).optional(),
  category: z.string().trim().max(500).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  parameters: jsonObject.optional(),
  returns: jsonObject.nullable().optional(),
});
export type UpdateFunctionInput = z.input<typeof updateFunctionInput>;

export async function updateFunction(
  db: Db,
  actor: Actor,
  projectId: string,
  functionId: string,
  input: UpdateFunctionInput,
) {
  await authorize(db, actor, projectId, 'editor');
  const parsed = updateFunctionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'function');
  const { version, ...changes } = parsed.data;

  const before = await db.function.findFirst({ where: { id: functionId, projectId }, select: viewSelect });
  if (!before) throw new AppError('not_found', 'function not found');

  const issues: ImportIssue[] = [];
  if (changes.parameters) issues.push(...validateParametersSchema(changes.parameters as JsonSchema, '/parameters'));
  if (changes.returns) issues.push(...validateReturnsSchema(changes.returns as JsonSchema, '/returns'));
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length) {
    throw new AppError(
      'invalid',
      `the schema is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      { issues },
    );
  }
  if (changes.name && changes.name !== before.name) {
    const clash = await db.function.findUnique({
      where: { projectId_name: { projectId, name: changes.name } },
      select: { id: true },
    });
    if (clash) throw new AppError('conflict', `another function is already named ${changes.name}`);
  }
  const warnings = issues.filter((i) => i.level === 'warning');
  const name = changes.name ?? before.name;
  if (!isOpenAIName(name)) {
    warnings.push({
      level: 'warning',
      code: 'openai_name',
      file: '',
      index: null,
      path: '/name',
      message: `OpenAI rejects this name; it is exported as ${toOpenAIName(name)}`,
    });
  }

  const tags = changes.tags ? uniqueTags(changes.tags) : undefined;
  const updated = await db.$transaction(async (tx) => {
    // The version check and the write are one statement, so a concurrent save cannot slip between them.
    const { count } = await tx.function.updateMany({
      where: { id: functionId, projectId, version },
      data: {
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.category !== undefined && { category: changes.category }),
        ...(tags && { tags, tagIndex: tagIndexOf(tags) }),
        ...(changes.parameters !== undefined && { parameters: changes.parameters as object }),
        ...(changes.returns !== undefined && {
          returns: changes.returns === null ? (null as never) : (changes.returns as object),
        }),
        version: { increment: 1 },
        editedAt: new Date(),
      },
    });
    if (count === 0) {
      const current = await tx.function.findUnique({ where: { id: functionId }, select: { version: true } });
      throw new AppError(
        'conflict',
        `this function was changed by someone else (now at version ${current?.version}); reload to see their change, then edit again`,
        {
          currentVersion: current?.version,
        },
      );
    }
    const after = await tx.function.findUniqueOrThrow({ where: { id: functionId }, select: viewSelect });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'function.update',
      targetType: 'function',
      targetId: functionId,
      before: pick(toView(before), Object.keys(changes)),
      after: pick(toView(after), Object.keys(changes)),
    });
    return after;
  });
  return { function: toView(updated), warnings };
}

function pick(o: object, keys: string[]) {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
}
