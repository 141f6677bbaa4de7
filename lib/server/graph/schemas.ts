import { z } from 'zod';
import { EDGE_KINDS, EDGE_PROVENANCES, EDGE_STATUSES } from '@/lib/magnet/graph/types';

export const fieldMapping = z.object({ output: z.string().max(500), input: z.string().max(500) });

export const edgeFilter = z.object({
  status: z.enum(EDGE_STATUSES).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  maxConfidence: z.number().min(0).max(1).optional(),
  kind: z.enum(EDGE_KINDS).optional(),
  provenance: z.enum(EDGE_PROVENANCES).optional(),
});
export type EdgeFilter = z.infer<typeof edgeFilter>;

export const edgeChange = z
  .object({ status: z.enum(EDGE_STATUSES).optional(), kind: z.enum(EDGE_KINDS).optional() })
  .refine((s) => s.status !== undefined || s.kind !== undefined, 'say what to change: status and/or kind');
export type EdgeChange = z.infer<typeof edgeChange>;

export const updateEdgesInput = z.union([
  z.object({ ids: z.array(z.string().min(1)).min(1).max(100_000), set: edgeChange }),
  z.object({ filter: edgeFilter, set: edgeChange }),
]);
export type UpdateEdgesInput = z.input<typeof updateEdgesInput>;

export const createEdgeInput = z.object({
  fromId: z.string().min(1),
  toId: z.string().min(1),
  kind: z.enum(EDGE_KINDS).default('full'),
  mapping: z.array(fieldMapping).max(100).nullable().optional(),
  // These let an undo put back a deleted edge exactly as it was.
  status: z.enum(EDGE_STATUSES).default('accepted'),
  provenance: z.enum(EDGE_PROVENANCES).default('curator'),
  confidence: z.number().min(0).max(1).default(1),
  reason: z.string().max(2000).default('drawn by a curator'),
});
export type CreateEdgeInput = z.input<typeof createEdgeInput>;

export const deleteEdgesInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(100_000) });
