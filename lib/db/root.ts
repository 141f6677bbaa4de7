import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout's root: the nearest folder up from the working directory that has prisma/schema.prisma. */
export function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}
