// What every command shares: the database (migrated on open), the actor, and output that
// honours --json (exactly one JSON object on stdout; errors on stderr, non-zero exit).
import { createDb, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { closeAnnouncers } from '@/lib/jobs/backend';
import { getLocalActor, type Actor } from '@/lib/server/actor';
import { isAppError } from '@/lib/server/errors';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export interface Context {
  db: Db;
  actor: Actor;
  json: boolean;
}

const EXIT: Record<string, number> = {
  invalid: 2,
  not_found: 3,
  conflict: 4,
  forbidden: 5,
  unauthenticated: 5,
  too_large: 6,
};

export async function withContext(opts: GlobalOptions, fn: (ctx: Context) => Promise<{ json: unknown; text: string }>) {
  let db: Db | null = null;
  try {
    await migrateDatabase(opts.db);
    db = createDb(opts.db);
    const actor = await getLocalActor(db);
    const out = await fn({ db, actor, json: !!opts.json });
    // An empty text means the command wrote its own output (e.g. JSON lines).
    if (opts.json) process.stdout.write(JSON.stringify(out.json) + '\n');
    else if (out.text) process.stdout.write(out.text.endsWith('\n') ? out.text : out.text + '\n');
  } catch (e) {
    fail(e, !!opts.json);
  } finally {
    await closeAnnouncers();
    await db?.$disconnect();
  }
}

export function fail(e: unknown, json: boolean): void {
  const code = isAppError(e) ? e.code : 'error';
  const message = e instanceof Error ? e.message : String(e);
  const details = isAppError(e) ? e.details : undefined;
  if (json) {
    process.stderr.write(JSON.stringify({ error: { code, message, details } }) + '\n');
  } else {
    process.stderr.write(`error: ${message}\n`);
    const issues = (
      details as
        { issues?: { level: string; file: string; index: number | null; path: string; message: string }[] } | undefined
    )?.issues;
    if (issues?.length) {
      for (const i of issues.slice(0, 50)) {
        process.stderr.write(
          `  ${i.level}: ${i.file || '(input)'}${i.index !== null ? ` item ${i.index}` : ''}${i.path ? ` ${i.path}` : ''}: ${i.message}\n`,
        );
      }
      if (issues.length > 50) process.stderr.write(`  ... ${issues.length - 50} more\n`);
    }
    if (!isAppError(e) && e instanceof Error && process.env.MAGNET_DEBUG) process.stderr.write(`${e.stack}\n`);
  }
  process.exitCode = EXIT[code] ?? 1;
}

/** A fixed-width table for human output. */
export function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '(none)';
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((row) => row[i]!.length))));
  const line = (vals: string[]) =>
    vals.map((v, i) => (v.length > widths[i]! ? v.slice(0, widths[i]! - 1) + '…' : v.padEnd(widths[i]!))).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
