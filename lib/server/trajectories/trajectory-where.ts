import type { Prisma } from '@/lib/db/client';
import type { TrajectoryFilter } from './schemas';

export const trajectoryWhere = (projectId: string, f: TrajectoryFilter): Prisma.TrajectoryWhereInput => ({
  projectId,
  ...(f.runId && { runId: f.runId }),
  ...(f.pathId && { pathId: f.pathId }),
  ...(f.outcome === 'ok' && { failure: null }),
  ...(f.outcome === 'failed' && { NOT: { failure: null } }),
});
