import { z } from 'zod';
import { PATH_OPERATIONS, pathOperationSchema, recipeSchema } from '@/lib/magnet/paths';
import { pageFields } from '../page';

export const recipeName = z
  .string()
  .trim()
  .min(1, 'a recipe needs a name')
  .max(100, 'at most 100 characters')
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'control characters are not allowed');

/** Sample a batch: the recipe (defaults filled in) saved under `recipeName`. */
export const samplePathsInput = z.object({
  recipeName: recipeName.optional().default('default'),
  recipe: recipeSchema.optional().default(recipeSchema.parse({})),
});
export type SamplePathsInput = z.input<typeof samplePathsInput>;

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(1000));

/** What the path list, its statistics, bulk delete and the export filter on. */
export const pathFilter = z.object({
  /** Paths of one recipe. */
  recipeId: z.string().max(100).optional(),
  origin: z.enum(['sampled', 'curator']).optional(),
  /** Paths with a turn of this kind; `none` for paths without a split turn. */
  scenario: z.enum(['miss_param', 'miss_func', 'any_split', 'none']).optional(),
  minTurns: z.coerce.number().int().min(0).max(1000).optional(),
  maxTurns: z.coerce.number().int().min(0).max(1000).optional(),
  /** Paths calling (or withholding) one of these functions. */
  functionId: z.string().max(100).optional(),
  /** Paths whose history holds every one of these operations. */
  operations: csv(z.enum(PATH_OPERATIONS)).optional(),
});
export type PathFilter = z.output<typeof pathFilter>;

export const listPathsInput = pathFilter.extend({
  ...pageFields(1000),
});
export type ListPathsInput = z.input<typeof listPathsInput>;

const history = z.array(pathOperationSchema).max(10_000);

export const createPathInput = z.object({
  name: z.string().trim().max(200).optional().default(''),
  history: history.optional().default([]),
});
export type CreatePathInput = z.input<typeof createPathInput>;

/** A save sends the whole history; the turns are rebuilt from it on the server. */
export const savePathInput = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().max(200).optional(),
  history,
});
export type SavePathInput = z.input<typeof savePathInput>;

export const deletePathsInput = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(100_000) }),
  z.object({ filter: pathFilter }),
]);
export type DeletePathsInput = z.input<typeof deletePathsInput>;
