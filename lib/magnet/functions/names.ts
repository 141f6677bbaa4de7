// Function names: OpenAI's naming rule, and assigning unique names in a project.
import { makeIssue, type IssueSite } from './issues';
import type { ImportIssue, NormalizedFunction } from './types';

const OPENAI_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function isOpenAIName(name: string): boolean {
  return OPENAI_NAME.test(name);
}

/** Every character OpenAI rejects becomes '_' (one per code point), then cut to 64. */
export function toOpenAIName(name: string): string {
  const safe = name.replace(/[^a-zA-Z0-9_-]/gu, '_').slice(0, 64);
  return safe === '' ? '_' : safe;
}

/** ToolBench's category slug: lower-case, each run of other characters → '_', no '_' at the ends. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The warning an import gives for a name OpenAI rejects, or null. */
export function openAINameIssue(name: string, site: IssueSite): ImportIssue | null {
  if (isOpenAIName(name)) return null;
  return makeIssue(
    'openai_name',
    site,
    `"${name}" is not a valid OpenAI function name (letters, digits, '_' and '-', at most 64); OpenAI exports will call it "${toOpenAIName(name)}".`,
  );
}

const identity = (category: string, originalName: string) => JSON.stringify([category, originalName]);

/**
 * Functions whose identity (category, original name) an earlier one in the list already has,
 * each with its 'duplicate_name' error naming both entries. In list order.
 */
export function findDuplicates(incoming: readonly NormalizedFunction[]): Map<NormalizedFunction, ImportIssue> {
  const first = new Map<string, NormalizedFunction>();
  const duplicates = new Map<NormalizedFunction, ImportIssue>();
  for (const fn of incoming) {
    const key = identity(fn.category, fn.originalName);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, fn);
      continue;
    }
    const inCategory = fn.category === '' ? '' : ` in category "${fn.category}"`;
    const earlierPlace = earlier.origin.file === fn.origin.file ? 'of the same file' : `of ${earlier.origin.file}`;
    duplicates.set(
      fn,
      makeIssue(
        'duplicate_name',
        fn.origin,
        `Duplicate function "${fn.originalName}"${inCategory}: item ${fn.origin.index} repeats item ${earlier.origin.index} ${earlierPlace}.`,
      ),
    );
  }
  return duplicates;
}

export interface ExistingFunctionName {
  name: string;
  category: string;
  originalName: string;
}

export interface NameAssignment {
  fn: NormalizedFunction;
  name: string;
  /** The project function with the same identity, whose name was kept; null for a new function. */
  existingName: string | null;
}

/**
 * Gives each incoming function its project name, in input order. Identity is (category,
 * original name): a function matching an existing one keeps that one's name (the caller decides
 * whether to update or skip it); a repeated identity among the incoming is a 'duplicate_name'
 * error and is not assigned. A name already held (by an existing function or an earlier
 * newcomer) sends the newcomer to `${originalName}_for_${slug(category)}`, then `_2`, `_3`...,
 * with a 'renamed' warning; the first holder keeps the bare name.
 */
export function resolveNames(
  existing: readonly ExistingFunctionName[],
  incoming: readonly NormalizedFunction[],
): { assigned: NameAssignment[]; issues: ImportIssue[] } {
  const holders = new Map<string, string>(existing.map((e) => [e.name, e.category]));
  const known = new Map<string, string>(existing.map((e) => [identity(e.category, e.originalName), e.name]));
  const duplicates = findDuplicates(incoming);
  const issues: ImportIssue[] = [];
  const assigned: NameAssignment[] = [];

  for (const fn of incoming) {
    const duplicate = duplicates.get(fn);
    if (duplicate) {
      issues.push(duplicate);
      continue;
    }
    const existingName = known.get(identity(fn.category, fn.originalName)) ?? null;
    if (existingName !== null) {
      assigned.push({ fn, name: existingName, existingName });
      continue;
    }
    let name = fn.originalName;
    const holder = holders.get(name);
    if (holder !== undefined) {
      const categorySlug = slug(fn.category);
      const stem = categorySlug === '' ? fn.originalName : `${fn.originalName}_for_${categorySlug}`;
      name = stem;
      for (let n = 2; holders.has(name); n++) name = `${stem}_${n}`;
      const held = holder === '' ? 'a function without category' : `a function in category "${holder}"`;
      issues.push(
        makeIssue(
          'renamed',
          fn.origin,
          `"${fn.originalName}" was renamed to "${name}": the name is already used by ${held}.`,
        ),
      );
    }
    holders.set(name, fn.category);
    assigned.push({ fn, name, existingName: null });
  }
  return { assigned, issues };
}
