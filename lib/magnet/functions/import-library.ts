// Importing a set of files into one function library: parse, recognise (or check) the format,
// normalize and validate each file, then check identities across all files.
import { candidateFormats, FORMAT_SHAPES } from './detect';
import { importBfcl } from './import-bfcl';
import { importGemini } from './import-gemini';
import { importMcp } from './import-mcp';
import { importOpenAI } from './import-openai';
import { importToolBench } from './import-toolbench';
import { hasErrors, makeIssue } from './issues';
import { findDuplicates } from './names';
import { parseText } from './parse-text';
import {
  SOURCE_FORMATS,
  type ImportIssue,
  type Importer,
  type NormalizedFunction,
  type ParsedFile,
  type SourceFormat,
} from './types';

export const IMPORTERS: Record<SourceFormat, Importer> = {
  openai: importOpenAI,
  bfcl: importBfcl,
  toolbench: importToolBench,
  mcp: importMcp,
  gemini: importGemini,
};

export interface LibraryFile {
  name: string;
  text: string;
}

export interface ParsedLibrary {
  files: ParsedFile[];
  functions: NormalizedFunction[];
  issues: ImportIssue[];
  /** False when any issue is an error; only then may the functions be saved. */
  ok: boolean;
}

function parseOne(file: LibraryFile, named: SourceFormat | undefined): ParsedFile {
  const whole = { file: file.name, index: null, path: '' };
  const parsed = parseText(file.text, file.name);
  if (!parsed.ok) return { file: file.name, format: null, functions: [], issues: parsed.issues };

  const candidates = candidateFormats(parsed.value, file.name);
  if (named && !candidates.includes(named)) {
    const looks = candidates.length > 0 ? `it looks like ${candidates[0]}` : 'it matches none of the supported formats';
    const issue = makeIssue(
      'format_mismatch',
      whole,
      `${file.name} is not a ${named} file (${looks}). Expected ${FORMAT_SHAPES[named]}.`,
    );
    return { file: file.name, format: null, functions: [], issues: [issue] };
  }
  const format = named ?? candidates[0];
  if (!format) {
    const tried = SOURCE_FORMATS.map((f) => `- ${FORMAT_SHAPES[f]}`).join('\n');
    const issue = makeIssue(
      'unknown_format',
      whole,
      `Could not recognise the format of ${file.name}. Tried ${SOURCE_FORMATS.join(', ')}:\n${tried}`,
    );
    return { file: file.name, format: null, functions: [], issues: [issue] };
  }
  const { functions, issues } = IMPORTERS[format](parsed.value, file.name);
  return { file: file.name, format, functions, issues };
}

/**
 * Parses every file (format detected per file unless `opts.format` names it), normalizes and
 * validates every function, and reports functions repeated across the whole set. Functions
 * with an error are left out of `functions`; an empty library is an error.
 */
export function parseLibraryFiles(files: readonly LibraryFile[], opts: { format?: SourceFormat } = {}): ParsedLibrary {
  const parsed = files.map((f) => parseOne(f, opts.format));
  const duplicates = findDuplicates(parsed.flatMap((p) => p.functions));
  for (const p of parsed) {
    for (const fn of p.functions) {
      const issue = duplicates.get(fn);
      if (issue) p.issues.push(issue);
    }
    p.functions = p.functions.filter((fn) => !duplicates.has(fn));
  }

  const functions = parsed.flatMap((p) => p.functions);
  const issues = parsed.flatMap((p) => p.issues);
  if (functions.length === 0) {
    const names = files.map((f) => f.name).join(', ') || 'no files';
    issues.push(
      makeIssue('empty_library', { file: '', index: null, path: '' }, `No function could be imported (${names}).`),
    );
  }
  return { files: parsed, functions, issues, ok: !hasErrors(issues) };
}
