// Applies the migration history of the active provider with Prisma's WebAssembly schema engine,
// so no native engine binary has to be downloaded (see ARCHITECTURE.md, "Migrations").
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import Database from 'better-sqlite3';
import pg from 'pg';
import { adapterFor } from './client';
import { resolveDatabase, type Provider } from './config';
import { providerSchema } from './provider-schema.mjs';
import { repoRoot } from './root';

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
};
type EngineModule = {
  SchemaEngine: { new: (cfg: unknown, log: (m: string) => void, adapter: unknown) => Promise<Engine> };
  __wbg_set_wasm(exports: unknown): void;
};

let engineModule: Promise<EngineModule> | null = null;

/** Instantiates the engine's .wasm ourselves: its package imports it as an ES module, which Node 20 needs a flag for. */
export function loadSchemaEngine(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bg = (await import(path.join(pkgDir, 'schema_engine_bg.js'))) as EngineModule & Record<string, unknown>;
    const bytes = readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return engineModule;
}

export function migrationsDir(provider: Provider): string {
  return path.join(repoRoot(), 'prisma', 'migrations', provider);
}

export function listMigrations(provider: Provider) {
  const dir = migrationsDir(provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
}

/** The provider's datamodel, derived from prisma/schema.prisma as client generation derives it. */
export function providerDatamodel(provider: Provider): string {
  return providerSchema(readFileSync(path.join(repoRoot(), 'prisma', 'schema.prisma'), 'utf8'), provider);
}

/** Names recorded as applied in `_prisma_migrations`; empty when the table does not exist yet. */
async function appliedMigrations(target: ReturnType<typeof resolveDatabase>): Promise<Set<string>> {
  const query =
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';
  if (target.provider === 'sqlite') {
    if (!target.file || target.file === ':memory:' || !existsSync(target.file)) return new Set();
    const sqlite = new Database(target.file, { readonly: true, timeout: 10_000 });
    try {
      const table = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
        .get();
      if (!table) return new Set();
      return new Set((sqlite.prepare(query).all() as { migration_name: string }[]).map((r) => r.migration_name));
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const exists = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
    if (!exists.rows[0]?.t) return new Set();
    return new Set((await client.query(query)).rows.map((r: { migration_name: string }) => r.migration_name));
  } finally {
    await client.end();
  }
}

type Closable = { dispose(): Promise<void> };

/** An engine on the target database, and a close() that releases its connections and memory. */
export async function createEngine(url?: string | null): Promise<{ engine: Engine; close: () => Promise<void> }> {
  const target = resolveDatabase(url);
  const { SchemaEngine } = await loadSchemaEngine();
  const datamodels = [['schema.prisma', providerDatamodel(target.provider)]];
  const factory = adapterFor(target);
  // The engine never closes what it opens; track the connections so a CLI run can exit cleanly.
  const opened: Closable[] = [];
  const track = async (p: Promise<Closable>) => {
    const a = await p;
    opened.push(a);
    return a;
  };
  const tracking = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect() as Promise<Closable>),
    connectToShadowDb: () => track(factory.connectToShadowDb() as Promise<Closable>),
  };
  const engine = await SchemaEngine.new(
    { datamodels },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking as never),
  );
  return {
    engine,
    close: async () => {
      await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
      (engine as unknown as { free?: () => void }).free?.();
    },
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function migrateDatabase(url?: string | null): Promise<string[]> {
  const target = resolveDatabase(url);
  if (target.provider === 'sqlite' && target.file && target.file !== ':memory:') {
    // WAL lets the studio read while a job or the CLI writes; the mode persists in the file.
    const sqlite = new Database(target.file, { timeout: 10_000 });
    if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') sqlite.pragma('journal_mode = WAL');
    sqlite.close();
  }
  const migrations = listMigrations(target.provider);
  if (migrations.length === 0)
    throw new Error(`no migrations found for ${target.provider} in ${migrationsDir(target.provider)}`);
  // Up to date is the common case (every CLI start): a read answers it without the engine,
  // which would take a write lock and fail while the studio is busy writing.
  const applied = await appliedMigrations(target);
  if (migrations.every((m) => applied.has(m.name))) return [];
  const { engine, close } = await createEngine(url);
  try {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir(target.provider),
        lockfile: { path: 'migration_lock.toml', content: `provider = "${target.provider}"` },
        shadowDbInitScript: '',
        migrationDirectories: migrations.map((m) => ({
          path: m.name,
          migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
        })),
      },
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}
