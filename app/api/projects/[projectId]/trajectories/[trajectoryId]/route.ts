import { handle } from '@/lib/api/handler';
import { getTrajectory } from '@/lib/server/trajectories/get-trajectory';

export const GET = handle<{ projectId: string; trajectoryId: string }>(
  async (_req, { db, actor }, { projectId, trajectoryId }) => ({
    trajectory: await getTrajectory(db, actor, projectId, trajectoryId),
  }),
);
