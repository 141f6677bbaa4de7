import { z } from 'zod';

export const projectName = z
  .string()
  .trim()
  .min(1, 'a project needs a name')
  .max(100, 'at most 100 characters')
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'control characters are not allowed');

export const createProjectInput = z.object({
  name: projectName,
  description: z.string().trim().max(2000).optional().default(''),
});
export type CreateProjectInput = z.input<typeof createProjectInput>;

export const updateProjectInput = z.object({
  name: projectName.optional(),
  description: z.string().trim().max(2000).optional(),
});
export type UpdateProjectInput = z.input<typeof updateProjectInput>;
