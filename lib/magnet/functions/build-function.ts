// The part every importer shares: checking an entry's name and description, converting and
// validating its schemas, and building the NormalizedFunction. An entry with an error yields
// no function (its issues say why); warnings do not stop it.
import { hasErrors, makeIssue, type IssueSite } from './issues';
import { isRecord, type JsonRecord } from './json';
import { openAINameIssue } from './names';
import { completeParametersSchema, describeValue, validateParametersSchema, validateReturnsSchema } from './schema';
import { checkJsonLimits } from './schema-walk';
import type { ImportIssue, ImportResult, JsonSchema, NormalizedFunction, SourceFormat } from './types';

/** A schema as found in the file, where it is, and how to turn it into JSON Schema. */
export interface SchemaSource {
  value: unknown;
  path: string;
  convert: (schema: JsonSchema) => JsonSchema;
}

export interface FunctionDraft {
  name: unknown;
  description: unknown;
  /** Undefined when the entry declares no parameters (OpenAI allows that: no arguments). */
  parameters: SchemaSource | undefined;
  returns: SchemaSource | undefined;
  category: string;
  tags: string[];
  raw: unknown;
}

export interface DraftSite {
  file: string;
  index: number;
  /** JSON pointer of the entry in the file. */
  path: string;
  format: SourceFormat;
}

/** One function entry of a file: the item, its JSON pointer, its ordinal among the file's entries. */
export interface Entry {
  item: unknown;
  path: string;
  index: number;
}

/** What an importer makes of one entry: a draft, or none (then its issues say why). */
export interface DraftResult {
  draft: FunctionDraft | null;
  issues: ImportIssue[];
}

/** Runs `toDraft` on every object entry and builds the functions, in entry order. */
export function importEntries<E extends Entry>(
  entries: readonly E[],
  file: string,
  format: SourceFormat,
  toDraft: (item: JsonRecord, site: IssueSite, entry: E) => DraftResult,
): ImportResult {
  const functions: NormalizedFunction[] = [];
  const issues: ImportIssue[] = [];
  for (const entry of entries) {
    const at: IssueSite = { file, index: entry.index, path: entry.path };
    if (!isRecord(entry.item)) {
      issues.push(
        makeIssue(
          'invalid_function',
          at,
          `Entry ${entry.index} is not a function object (got ${describeValue(entry.item)}).`,
        ),
      );
      continue;
    }
    const { draft, issues: draftIssues } = toDraft(entry.item, at, entry);
    issues.push(...draftIssues);
    if (!draft) continue;
    const built = buildFunction(draft, { file, index: entry.index, path: entry.path, format });
    issues.push(...built.issues);
    if (built.fn) functions.push(built.fn);
  }
  return { functions, issues };
}

export function buildFunction(
  draft: FunctionDraft,
  site: DraftSite,
): { fn: NormalizedFunction | null; issues: ImportIssue[] } {
  const at: IssueSite = { file: site.file, index: site.index, path: site.path };
  const issues: ImportIssue[] = [];

  if (typeof draft.name !== 'string' || draft.name.trim() === '') {
    issues.push(
      makeIssue('invalid_function', at, `Entry ${site.index} has no name (a non-empty "name" string is required).`),
    );
    return { fn: null, issues };
  }
  const name = draft.name;
  const nameIssue = openAINameIssue(name, at);
  if (nameIssue) issues.push(nameIssue);

  const description = typeof draft.description === 'string' ? draft.description.trim() : '';
  if (description === '') {
    issues.push(
      makeIssue('missing_description', at, `"${name}" has no description; teacher translation relies on it.`),
    );
  }

  let parameters: JsonSchema = completeParametersSchema({});
  if (draft.parameters) {
    const converted = convertSchema(draft.parameters, 'Parameters', at, issues);
    if (converted) {
      parameters = completeParametersSchema(converted);
      issues.push(...validateParametersSchema(parameters, draft.parameters.path, at));
    }
  }
  let returns: JsonSchema | null = null;
  if (draft.returns && draft.returns.value !== null) {
    returns = convertSchema(draft.returns, 'The output schema', at, issues);
    if (returns) issues.push(...validateReturnsSchema(returns, draft.returns.path, at));
  }

  if (hasErrors(issues)) return { fn: null, issues };
  return {
    fn: {
      originalName: name,
      description,
      parameters,
      returns,
      category: draft.category,
      tags: draft.tags,
      sourceFormat: site.format,
      raw: draft.raw,
      origin: { file: site.file, index: site.index, path: site.path },
    },
    issues,
  };
}

/** Checks that a source schema is a bounded JSON object, then converts it; reports and returns null otherwise. */
function convertSchema(source: SchemaSource, label: string, at: IssueSite, issues: ImportIssue[]): JsonSchema | null {
  const site = { ...at, path: source.path };
  if (!isRecord(source.value)) {
    issues.push(
      makeIssue('invalid_schema', site, `${label} must be a JSON Schema object, got ${describeValue(source.value)}.`),
    );
    return null;
  }
  const limits = checkJsonLimits(source.value);
  if (limits) {
    issues.push(makeIssue(limits.code, site, `${label} cannot be checked: ${limits.reason}.`));
    return null;
  }
  return source.convert(source.value);
}
