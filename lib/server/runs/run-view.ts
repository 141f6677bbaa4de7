import type { Prisma } from '@/lib/db/client';
import type { RunConfig, RunStatus } from './schemas';

export interface RunView {
  id: string;
  name: string;
  kind: string;
  status: RunStatus;
  teacher: string;
  config: RunConfig;
  total: number;
  succeeded: number;
  failed: number;
  requests: number;
  cacheHits: number;
  tokensIn: number;
  tokensOut: number;
  /** In US dollars, from the teacher's prices per million tokens. */
  cost: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toRunView(r: Prisma.RunGetPayload<object>): RunView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status as RunStatus,
    teacher: r.teacher,
    config: r.config as unknown as RunConfig,
    total: r.total,
    succeeded: r.succeeded,
    failed: r.failed,
    requests: r.requests,
    cacheHits: r.cacheHits,
    tokensIn: Number(r.tokensIn),
    tokensOut: Number(r.tokensOut),
    cost: Number(r.costMicros) / 1e6,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
