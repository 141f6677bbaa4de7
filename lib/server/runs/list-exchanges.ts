import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { AppError, invalidInput } from '../errors';
import { pageFields } from '../page';

const input = z.object({
  jobId: z.string().max(100).optional(),
  errorsOnly: z.preprocess((v) => v === 'true' || v === true, z.boolean()).optional(),
  ...pageFields(200),
});

export interface ExchangeView {
  id: string;
  jobId: string | null;
  operation: string;
  requestHash: string;
  request: unknown;
  response: unknown;
  error: string | null;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  cached: boolean;
  createdAt: string;
}

/** A run's LLM exchanges, newest first, for debugging (keys were redacted before they were stored). */
export async function listExchanges(
  db: Db,
  actor: Actor,
  projectId: string,
  runId: string,
  raw: unknown = {},
): Promise<{ exchanges: ExchangeView[]; total: number }> {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = input.safeParse(raw ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'exchange filter');
  if (!(await db.run.count({ where: { id: runId, projectId } }))) throw new AppError('not_found', 'run not found');
  const where = {
    runId,
    ...(parsed.data.jobId && { jobId: parsed.data.jobId }),
    ...(parsed.data.errorsOnly && { NOT: { error: null } }),
  };
  const [rows, total] = await Promise.all([
    db.llmExchange.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: parsed.data.offset,
      take: parsed.data.limit,
    }),
    db.llmExchange.count({ where }),
  ]);
  return {
    total,
    exchanges: rows.map((r) => ({
      id: r.id,
      jobId: r.jobId,
      operation: r.operation,
      requestHash: r.requestHash,
      request: r.request,
      response: r.response,
      error: r.error,
      tokensIn: r.tokensIn,
      tokensOut: r.tokensOut,
      latencyMs: r.latencyMs,
      cached: r.cached,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
