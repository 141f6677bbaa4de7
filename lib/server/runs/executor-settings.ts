import type { Db, Prisma } from '@/lib/db/client';
import {
  executorSettingsSchema,
  executorSpecSchema,
  parseExecutorSettings,
  type ExecutorSettings,
  type ExecutorSpec,
} from '@/lib/executors';
import { isRecord } from '@/lib/magnet/functions/json';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';

/** What is shown of an executor: header values may hold tokens, so only their names leave the server. */
export type ExecutorView =
  | Exclude<ExecutorSpec, { kind: 'http' }>
  | (Omit<Extract<ExecutorSpec, { kind: 'http' }>, 'headers'> & { headers: string[] });

export function toExecutorView(spec: unknown): ExecutorView {
  const parsed = executorSpecSchema.safeParse(spec ?? { kind: 'schema' });
  if (!parsed.success) return { kind: 'schema' };
  const s = parsed.data;
  return s.kind === 'http' ? { ...s, headers: Object.keys(s.headers ?? {}) } : s;
}

/** The project's executor settings: the HTTP allowlist, timeout and response size limit. */
export async function getExecutorSettings(db: Db, actor: Actor, projectId: string): Promise<ExecutorSettings> {
  await authorize(db, actor, projectId, 'viewer');
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
  return parseExecutorSettings(isRecord(project.settings) ? project.settings.executors : undefined);
}

export async function saveExecutorSettings(
  db: Db,
  actor: Actor,
  projectId: string,
  input: unknown,
): Promise<ExecutorSettings> {
  // The allowlist decides which hosts runs may call: an owner's decision.
  await authorize(db, actor, projectId, 'owner');
  const parsed = executorSettingsSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'executor settings');
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
  const settings = isRecord(project.settings) ? project.settings : {};
  await db.$transaction(async (tx) => {
    await tx.project.update({
      where: { id: projectId },
      data: { settings: { ...settings, executors: parsed.data } as Prisma.InputJsonValue },
    });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'executors.update',
      targetType: 'Project',
      targetId: projectId,
      before: settings.executors ?? null,
      after: parsed.data,
    });
  });
  return parsed.data;
}

/** Sets how one function's calls are executed in runs (null: back to schema-synthesized). */
export async function setFunctionExecutor(
  db: Db,
  actor: Actor,
  projectId: string,
  functionId: string,
  input: unknown,
): Promise<ExecutorView> {
  await authorize(db, actor, projectId, 'editor');
  const fn = await db.function.findFirst({
    where: { id: functionId, projectId },
    select: { id: true, executor: true },
  });
  if (!fn) throw new AppError('not_found', 'function not found');
  const parsed = executorSpecSchema.safeParse(input ?? { kind: 'schema' });
  if (!parsed.success) throw invalidInput(parsed.error, 'executor');
  const spec = parsed.data;
  await db.$transaction(async (tx) => {
    await tx.function.update({
      where: { id: functionId },
      data: { executor: spec.kind === 'schema' ? (null as never) : (spec as Prisma.InputJsonValue) },
    });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'function.executor',
      targetType: 'Function',
      targetId: functionId,
      before: toExecutorView(fn.executor),
      after: toExecutorView(spec),
    });
  });
  return toExecutorView(spec);
}

export async function getFunctionExecutor(
  db: Db,
  actor: Actor,
  projectId: string,
  functionId: string,
): Promise<ExecutorView> {
  await authorize(db, actor, projectId, 'viewer');
  const fn = await db.function.findFirst({ where: { id: functionId, projectId }, select: { executor: true } });
  if (!fn) throw new AppError('not_found', 'function not found');
  return toExecutorView(fn.executor);
}
