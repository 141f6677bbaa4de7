import { handle, jsonBody } from '@/lib/api/handler';
import { AppError } from '@/lib/server/errors';
import { importLibrary } from '@/lib/server/library/import-library';
import { MAX_IMPORT_BYTES } from '@/lib/server/library/limits';
import { listImports } from '@/lib/server/library/list-imports';

type P = { projectId: string };

export const GET = handle<P>(async (_req, { db, actor }, { projectId }) => ({
  imports: await listImports(db, actor, projectId),
}));

/**
 * Imports files: multipart form data (fields `files`, optional `format`, `overwriteEdits`, `dryRun`)
 * or JSON `{files:[{name, text}], format?, overwriteEdits?, dryRun?}` (pasted text).
 * Errors come back as 400 with the full report (every issue with file, item and JSON path).
 */
export const POST = handle<P>(async (req, { db, actor }, { projectId }) => {
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_IMPORT_BYTES + 1024 * 1024) {
    throw new AppError(
      'too_large',
      `the upload is ${(length / 1048576).toFixed(1)} MB; one import may be at most ${MAX_IMPORT_BYTES / 1048576} MB. Nothing was imported.`,
    );
  }
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await req.formData();
    const files = [];
    for (const entry of form.getAll('files')) {
      if (typeof entry === 'string') throw new AppError('invalid', 'the files field must hold files');
      files.push({ name: entry.name || 'upload.json', text: await entry.text() });
    }
    const format = form.get('format');
    return importLibrary(db, actor, projectId, {
      files,
      format: typeof format === 'string' && format ? (format as never) : undefined,
      overwriteEdits: form.get('overwriteEdits') === 'true',
      dryRun: form.get('dryRun') === 'true',
    });
  }
  return importLibrary(db, actor, projectId, (await jsonBody(req)) as never);
});
