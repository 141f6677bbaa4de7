import { z } from 'zod';

export const trajectoryFilter = z.object({
  runId: z.string().max(100).optional(),
  pathId: z.string().max(100).optional(),
  /** ok: every turn translated; failed: translation stopped at a turn. */
  outcome: z.enum(['ok', 'failed']).optional(),
});
export type TrajectoryFilter = z.output<typeof trajectoryFilter>;

export const listTrajectoriesInput = trajectoryFilter.extend({
  offset: z.coerce.number().int().min(0).optional().default(0),
  limit: z.coerce.number().int().min(1).max(500).optional().default(50),
});
