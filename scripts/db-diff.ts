// Writes the next migration for both providers: the SQL that takes the last migrated datamodel
// (a snapshot kept beside each history) to prisma/schema.prisma. Run: npm run db:diff -- <name>
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine, migrationsDir } from '../lib/db/migrate';
import type { Provider } from '../lib/db/config';
import { providerSchema } from '../lib/db/provider-schema.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- <snake_case_name>');
  process.exit(2);
}
const base = readFileSync('prisma/schema.prisma', 'utf8');
const urls: Record<Provider, string> = {
  sqlite: 'file::memory:', // The PostgreSQL engine connects on start (it never writes here): any reachable server will do.
  postgresql: process.env.DIFF_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
};

for (const provider of ['sqlite', 'postgresql'] as const) {
  const dir = migrationsDir(provider);
  mkdirSync(dir, { recursive: true });
  const snapshotFile = path.join(dir, 'schema.snapshot.prisma');
  const next = providerSchema(base, provider);
  const prev = existsSync(snapshotFile) ? readFileSync(snapshotFile, 'utf8') : null;
  const { engine, close } = await createEngine(urls[provider]);
  const { stdout } = await engine.diff({
    from: prev ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: prev }] } : { tag: 'empty' },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: next }] },
    script: true,
    shadowDatabaseUrl: null,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  await close();
  if (!stdout.trim() || /^-- This is an empty migration/.test(stdout.trim())) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const count = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).length;
  const folder = `${String(count + 1).padStart(4, '0')}_${name}`;
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, 'migration.sql'), stdout);
  writeFileSync(snapshotFile, next);
  console.log(`${provider}: wrote ${folder}`);
}
