// The one place that turns a normalized function into a database row and a row into what
// callers see, so derived columns (tagIndex) never drift from the values they index.
import type { Prisma } from '@/lib/db/client';
import type { Function as FunctionRow } from '@/lib/db/generated/sqlite/client';
import type { JsonSchema } from '@/lib/magnet/functions/types';

export function tagIndexOf(tags: string[]): string {
  return tags.length ? `|${tags.join('|')}|` : '';
}

export function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))].sort();
}

export interface FunctionFields {
  name: string;
  originalName: string;
  description: string;
  parameters: JsonSchema;
  returns: JsonSchema | null;
  category: string;
  tags: string[];
  sourceFormat: string;
  raw?: unknown;
}

export function toRowData(f: FunctionFields) {
  const tags = uniqueTags(f.tags);
  return {
    name: f.name,
    originalName: f.originalName,
    description: f.description,
    parameters: f.parameters as Prisma.InputJsonValue,
    returns: (f.returns ?? undefined) as Prisma.InputJsonValue | undefined,
    category: f.category,
    tags,
    tagIndex: tagIndexOf(tags),
    sourceFormat: f.sourceFormat,
    raw: (f.raw ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

export interface FunctionView {
  id: string;
  name: string;
  originalName: string;
  description: string;
  parameters: JsonSchema;
  returns: JsonSchema | null;
  category: string;
  tags: string[];
  sourceFormat: string;
  version: number;
  editedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toView(row: Omit<FunctionRow, 'raw' | 'tagIndex' | 'projectId' | 'importId' | 'executor'>): FunctionView {
  return {
    id: row.id,
    name: row.name,
    originalName: row.originalName,
    description: row.description,
    parameters: row.parameters as JsonSchema,
    returns: (row.returns as JsonSchema | null) ?? null,
    category: row.category,
    tags: (row.tags as string[]) ?? [],
    sourceFormat: row.sourceFormat,
    version: row.version,
    editedAt: row.editedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const viewSelect = {
  id: true,
  name: true,
  originalName: true,
  description: true,
  parameters: true,
  returns: true,
  category: true,
  tags: true,
  sourceFormat: true,
  version: true,
  editedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;
