import { z } from 'zod';
import { pageFields } from '../page';

export const trajectoryFilter = z.object({
  runId: z.string().max(100).optional(),
  pathId: z.string().max(100).optional(),
  /** ok: every turn translated; failed: translation stopped at a turn. */
  outcome: z.enum(['ok', 'failed']).optional(),
});
export type TrajectoryFilter = z.output<typeof trajectoryFilter>;

export const listTrajectoriesInput = trajectoryFilter.extend({
  ...pageFields(500),
});
