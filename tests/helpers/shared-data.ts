// ../shared/data holds public reference libraries next to the checkout; a user's fresh clone
// does not have it, so tests that read it skip with a printed reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SHARED_DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const hasSharedData = existsSync(SHARED_DATA);
if (!hasSharedData) console.warn(`skipping tests on reference data: ${SHARED_DATA} is absent`);

/** A shared data file as an import input, named by its base name like an upload would be. */
export function sharedFile(relative: string): { name: string; text: string } {
  return { name: path.basename(relative), text: readFileSync(path.join(SHARED_DATA, relative), 'utf8') };
}

/** The .json files of a shared folder, relative to SHARED_DATA, sorted. */
export function sharedDir(relative: string): string[] {
  return readdirSync(path.join(SHARED_DATA, relative))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(relative, f));
}
