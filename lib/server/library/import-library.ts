// Imports one or more library files into a project, all or nothing.
import equal from 'fast-deep-equal';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseLibraryFiles, resolveNames, SOURCE_FORMATS } from '@/lib/magnet/functions';
import type { ImportIssue, NormalizedFunction, SourceFormat } from '@/lib/magnet/functions/types';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { toRowData, uniqueTags } from './function-row';
import { bulkInsert } from '@/lib/db/bulk-insert';
import { MAX_FILE_BYTES, MAX_FILES, MAX_IMPORT_BYTES } from './limits';

export const importLibraryInput = z.object({
  files: z
    .array(z.object({ name: z.string().trim().min(1).max(500), text: z.string() }))
    .min(1, 'no file given')
    .max(MAX_FILES, `at most ${MAX_FILES} files at once`),
  format: z.enum(SOURCE_FORMATS).optional(),
  /** Replace curator edits with the file's version of a function (default: keep the edits). */
  overwriteEdits: z.boolean().optional().default(false),
  /** Report what would happen without writing anything. */
  dryRun: z.boolean().optional().default(false),
});
export type ImportLibraryInput = z.input<typeof importLibraryInput>;

const FUNCTION_TABLE = {
  table: 'Function',
  columns: [
    'projectId',
    'importId',
    'name',
    'originalName',
    'description',
    'parameters',
    'returns',
    'category',
    'tags',
    'tagIndex',
    'sourceFormat',
    'raw',
  ],
  json: ['parameters', 'returns', 'tags', 'raw'],
};

export type ImportOutcome = 'imported' | 'updated' | 'skipped';

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  importId: string | null;
  files: { name: string; format: SourceFormat | null; bytes: number; functions: number }[];
  imported: number;
  updated: number;
  skipped: number;
  functions: { name: string; originalName: string; category: string; outcome: ImportOutcome }[];
  issues: ImportIssue[];
}

export async function importLibrary(
  db: Db,
  actor: Actor,
  projectId: string,
  input: ImportLibraryInput,
): Promise<ImportReport> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = importLibraryInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'import');
  const { files, format, overwriteEdits, dryRun } = parsed.data;

  let total = 0;
  for (const f of files) {
    const bytes = Buffer.byteLength(f.text, 'utf8');
    total += bytes;
    if (bytes > MAX_FILE_BYTES) {
      throw new AppError(
        'too_large',
        `${f.name} is ${mb(bytes)}; one file may be at most ${mb(MAX_FILE_BYTES)}. Nothing was imported.`,
      );
    }
  }
  if (total > MAX_IMPORT_BYTES) {
    throw new AppError(
      'too_large',
      `the files add up to ${mb(total)}; one import may be at most ${mb(MAX_IMPORT_BYTES)}. Nothing was imported.`,
    );
  }

  const result = parseLibraryFiles(files, { format });
  const fileSummaries = result.files.map((pf, i) => ({
    name: pf.file,
    format: pf.format,
    bytes: Buffer.byteLength(files[i]!.text, 'utf8'),
    functions: pf.functions.length,
  }));
  const report: ImportReport = {
    ok: false,
    dryRun,
    importId: null,
    files: fileSummaries,
    imported: 0,
    updated: 0,
    skipped: 0,
    functions: [],
    issues: [...result.issues],
  };
  if (!result.ok) throw importFailed(report);

  const existing = await db.function.findMany({
    where: { projectId },
    select: {
      id: true,
      name: true,
      originalName: true,
      category: true,
      description: true,
      parameters: true,
      returns: true,
      tags: true,
      sourceFormat: true,
      editedAt: true,
    },
  });
  const byName = new Map(existing.map((e) => [e.name, e]));
  const named = resolveNames(existing, result.functions);
  report.issues.push(...named.issues);
  if (report.issues.some((i) => i.level === 'error')) throw importFailed(report);

  const creates: ReturnType<typeof toRowData>[] = [];
  const updates: { id: string; data: ReturnType<typeof toRowData> }[] = [];
  for (const { fn, name, existingName } of named.assigned) {
    const data = toRowData({ ...fn, name });
    const current = existingName ? byName.get(existingName) : undefined;
    const entry = { name, originalName: fn.originalName, category: fn.category };
    if (!current) {
      creates.push(data);
      report.functions.push({ ...entry, outcome: 'imported' });
    } else if (sameContent(current, fn)) {
      report.functions.push({ ...entry, outcome: 'skipped' });
    } else if (current.editedAt && !overwriteEdits) {
      report.issues.push({
        level: 'warning',
        code: 'kept_edits',
        file: fn.origin.file,
        index: fn.origin.index,
        path: '',
        message: `${name} was edited in the studio; kept the edited version (import with overwrite to replace it)`,
      });
      report.functions.push({ ...entry, outcome: 'skipped' });
    } else {
      updates.push({ id: current.id, data });
      report.functions.push({ ...entry, outcome: 'updated' });
    }
  }
  report.imported = creates.length;
  report.updated = updates.length;
  report.skipped = report.functions.length - creates.length - updates.length;
  report.ok = true;
  if (dryRun) return report;

  // One transaction: a failure anywhere leaves the library exactly as it was.
  report.importId = await db.$transaction(
    async (tx) => {
      const record = await tx.libraryImport.create({
        data: {
          projectId,
          actorId: actor.userId,
          files: fileSummaries,
          imported: report.imported,
          updated: report.updated,
          skipped: report.skipped,
          issues: report.issues as never,
        },
      });
      await bulkInsert(
        db,
        tx,
        FUNCTION_TABLE,
        creates.map((row) => ({ ...row, projectId, importId: record.id })),
      );
      for (const u of updates) {
        await tx.function.update({
          where: { id: u.id },
          data: { ...u.data, importId: record.id, editedAt: null, version: { increment: 1 } },
        });
      }
      await recordAuditEvent(tx, actor, {
        projectId,
        action: 'library.import',
        targetType: 'import',
        targetId: record.id,
        after: {
          files: fileSummaries.map((f) => f.name),
          imported: report.imported,
          updated: report.updated,
          skipped: report.skipped,
        },
      });
      return record.id;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}

function sameContent(
  row: { description: string; parameters: unknown; returns: unknown; tags: unknown; sourceFormat: string },
  fn: NormalizedFunction,
): boolean {
  return (
    row.description === fn.description &&
    row.sourceFormat === fn.sourceFormat &&
    equal(row.parameters, fn.parameters) &&
    equal(row.returns ?? null, fn.returns ?? null) &&
    equal(row.tags, uniqueTags(fn.tags))
  );
}

function importFailed(report: ImportReport): AppError {
  const errors = report.issues.filter((i) => i.level === 'error');
  const first = errors[0];
  const where = first
    ? `${first.file}${first.index !== null ? ` item ${first.index}` : ''}${first.path ? ` at ${first.path}` : ''}: ${first.message}`
    : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new AppError('invalid', `${where.replace(/\.$/, '')}${more}. Nothing was imported.`, report);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
