import { z } from 'zod';

/** `offset` and `limit` of a list request (query strings are coerced). */
export const pageFields = (maxLimit: number, defaultLimit = 50) => ({
  offset: z.coerce.number().int().min(0).optional().default(0),
  limit: z.coerce.number().int().min(1).max(maxLimit).optional().default(defaultLimit),
});
