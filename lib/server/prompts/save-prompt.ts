import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { PROMPT_OPERATIONS, PROMPT_TEMPLATES } from '@/lib/magnet/translate';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { listPrompts, type PromptView } from './list-prompts';

const input = z.object({
  operation: z.enum(PROMPT_OPERATIONS),
  /** The new template; empty (or the default's text) goes back to the default. */
  template: z.string().max(20_000),
});

/**
 * Saves a new version of one operation's prompt for the project. Versions are never edited in
 * place: a run records the versions it used, and earlier versions stay readable.
 */
export async function savePrompt(db: Db, actor: Actor, projectId: string, raw: unknown): Promise<PromptView> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, 'prompt');
  const { operation } = parsed.data;
  const template = parsed.data.template.trim() === PROMPT_TEMPLATES[operation].trim() ? '' : parsed.data.template;
  const last = await db.promptTemplate.findFirst({ where: { projectId, operation }, orderBy: { version: 'desc' } });
  if ((last?.template ?? '') === template) throw new AppError('invalid', 'nothing changed: that is the prompt in use');
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.promptTemplate.create({
        data: { projectId, operation, version: (last?.version ?? 0) + 1, template },
      });
      await recordAuditEvent(tx, actor, {
        projectId,
        action: 'prompt.save',
        targetType: 'PromptTemplate',
        targetId: row.id,
        before: last ? { version: last.version, template: last.template } : null,
        after: { version: row.version, template },
      });
    });
  } catch (e) {
    // Two curators saving at once both chose the same next version: one wins.
    if ((e as { code?: string }).code === 'P2002')
      throw new AppError('conflict', 'someone else saved this prompt just now; reload to see their version');
    throw e;
  }
  return (await listPrompts(db, actor, projectId)).find((p) => p.operation === operation)!;
}
