import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { SOURCE_FORMATS, type SourceFormat } from '@/lib/magnet/functions/types';
import { AppError } from '@/lib/server/errors';
import { importLibrary } from '@/lib/server/library/import-library';
import { MAX_FILE_BYTES } from '@/lib/server/library/limits';
import { getProject } from '@/lib/server/projects/get-project';
import { withContext, type GlobalOptions } from '../context';

export function importCommand(program: Command, globals: () => GlobalOptions) {
  program
    .command('import <paths...>')
    .description(
      `import function library files, all or nothing (formats: ${SOURCE_FORMATS.join(', ')}; detected unless --format)`,
    )
    .requiredOption('--project <project>', 'project name or id')
    .option('--format <format>', 'the files\u2019 format, instead of detecting it')
    .option('--overwrite-edits', 'replace functions edited in the studio with the file\u2019s version')
    .option('--dry-run', 'report what would be imported without writing')
    .action((paths: string[], opts: { project: string; format?: string; overwriteEdits?: boolean; dryRun?: boolean }) =>
      withContext(globals(), async ({ db, actor }) => {
        if (opts.format && !SOURCE_FORMATS.includes(opts.format as SourceFormat)) {
          throw new AppError('invalid', `unknown format "${opts.format}"; use one of ${SOURCE_FORMATS.join(', ')}`);
        }
        const project = await getProject(db, actor, opts.project, 'editor');
        const inputs = [];
        for (const file of await expandPaths(paths)) {
          const info = await stat(file).catch(() => null);
          if (!info?.isFile()) throw new AppError('not_found', `no such file: ${file}`);
          // Checked before reading so a huge file is refused without loading it.
          if (info.size > MAX_FILE_BYTES)
            throw new AppError(
              'too_large',
              `${file} is ${(info.size / 1048576).toFixed(1)} MB; one file may be at most ${MAX_FILE_BYTES / 1048576} MB. Nothing was imported.`,
            );
          inputs.push({ name: path.basename(file), text: await readFile(file, 'utf8') });
        }
        const report = await importLibrary(db, actor, project.id, {
          files: inputs,
          format: opts.format as SourceFormat | undefined,
          overwriteEdits: !!opts.overwriteEdits,
          dryRun: !!opts.dryRun,
        });
        const warnings = report.issues.filter((i) => i.level === 'warning');
        const lines = [
          `${report.dryRun ? 'would import' : 'imported'} into ${project.name}: ${report.imported} new, ${report.updated} updated, ${report.skipped} unchanged`,
          ...report.files.slice(0, 20).map((f) => `  ${f.name}: ${f.format}, ${f.functions} functions`),
          ...(report.files.length > 20 ? [`  ... and ${report.files.length - 20} more files`] : []),
          ...(warnings.length ? [`${warnings.length} warnings:`] : []),
          ...warnings
            .slice(0, 30)
            .map(
              (w) =>
                `  ${w.file}${w.index !== null ? ` item ${w.index}` : ''}${w.path ? ` ${w.path}` : ''}: ${w.message}`,
            ),
          ...(warnings.length > 30 ? [`  ... ${warnings.length - 30} more (use --json for all)`] : []),
        ];
        const { functions, ...summary } = report;
        return { json: { ...summary, functions: functions.length }, text: lines.join('\n') };
      }),
    );
}

/** Files as given, and every .json/.jsonl file under a given folder (ToolBench keeps one file per tool). */
async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      const entries = await readdir(p, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((e) => e.isFile() && /\.(json|jsonl|ndjson)$/i.test(e.name))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      if (found.length === 0) throw new AppError('not_found', `no .json or .jsonl files in ${p}`);
      out.push(...found);
    } else {
      out.push(p);
    }
  }
  return out;
}
