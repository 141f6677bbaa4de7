import { z } from 'zod';
import { pathFilter } from '../paths/schemas';
import { pageFields } from '../page';

export const RUN_STATUSES = ['queued', 'running', 'done', 'cancelled', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** A run or a job that has not ended: waiting, or being worked on. */
export const ACTIVE_STATUSES = ['queued', 'running'] as const;
export const isActive = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);
/** The Prisma filter of runs or jobs not ended. */
export const activeStatus = () => ({ in: [...ACTIVE_STATUSES] });
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `template` is the built-in teacher; any other name is one of the project's LLM teachers (Settings). */
export const teacherName = z.string().trim().min(1).max(100);

/** Start a run: which paths, which teacher, how many at once. */
export const createRunInput = z.object({
  name: z.string().trim().max(200).optional().default(''),
  /** Path ids, or a path filter (`{}` = every path of the project). */
  paths: z.union([
    z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200_000) }),
    z.object({ filter: pathFilter }),
  ]),
  teacher: teacherName.optional().default('template'),
  /** Paths translated at once (the teacher's own rate limits still apply). */
  concurrency: z.number().int().min(1).max(256).optional(),
  /** Repair attempts after calls that fail their checks. */
  repairs: z.number().int().min(0).max(3).optional().default(1),
  /** Seed of the conversations; each path's own seed is used when absent. */
  seed: z.string().trim().min(1).max(100).optional(),
});
export type CreateRunInput = z.input<typeof createRunInput>;

/** What a run keeps of how it was started (never an API key). */
export interface RunConfig {
  teacher: string;
  teacherId: string | null;
  concurrency: number;
  repairs: number;
  seed?: string;
  promptVersions?: Record<string, string>;
  /** The project's saved prompt version each operation used (absent: the default). */
  promptTemplates?: Record<string, number>;
}

export const listRunsInput = z.object({
  ...pageFields(200),
});
