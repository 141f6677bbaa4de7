// Locates the reference data in ../shared/data (relative to the repo root). A fresh clone has
// none: conformance tests then skip, saying why.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED_DATA = path.resolve(repoRoot, '..', 'shared', 'data');
export const hasSharedData = fs.existsSync(SHARED_DATA);

if (!hasSharedData) {
  console.warn('Skipping conformance tests on reference data: ../shared/data (next to the repo) is absent.');
}

/** A shared data file as an import input, named by its base name like an upload would be. */
export function sharedFile(relative: string): { name: string; text: string } {
  return { name: path.basename(relative), text: fs.readFileSync(path.join(SHARED_DATA, relative), 'utf8') };
}

export function sharedDir(relative: string): string[] {
  return fs
    .readdirSync(path.join(SHARED_DATA, relative))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(relative, f));
}
