import type { Edge as EdgeRow } from '@/lib/db/generated/sqlite/client';
import type { EdgeKind, EdgeProvenance, EdgeStatus, FieldMapping } from '@/lib/magnet/graph/types';

export interface EdgeView {
  id: string;
  fromId: string;
  toId: string;
  kind: EdgeKind;
  provenance: EdgeProvenance;
  confidence: number;
  status: EdgeStatus;
  mapping: FieldMapping[] | null;
  reason: string;
  version: number;
}

export const edgeSelect = {
  id: true,
  fromId: true,
  toId: true,
  kind: true,
  provenance: true,
  confidence: true,
  status: true,
  mapping: true,
  reason: true,
  version: true,
} as const;

export function toEdgeView(row: Pick<EdgeRow, keyof typeof edgeSelect>): EdgeView {
  return {
    id: row.id,
    fromId: row.fromId,
    toId: row.toId,
    kind: row.kind as EdgeKind,
    provenance: row.provenance as EdgeProvenance,
    confidence: row.confidence,
    status: row.status as EdgeStatus,
    mapping: (row.mapping as FieldMapping[] | null) ?? null,
    reason: row.reason,
    version: row.version,
  };
}
