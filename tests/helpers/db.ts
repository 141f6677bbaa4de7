// Real databases for integration tests: a fresh SQLite file, and a fresh PostgreSQL database
// on the local server (skipped with a printed reason when no server answers).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';

export const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  provider: 'sqlite' | 'postgresql';
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function sqliteTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'magnet-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    provider: 'sqlite',
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let pgAvailable: Promise<string | null> | null = null;

/** null when PostgreSQL answers, else the reason it does not. */
export function postgresUnavailable(): Promise<string | null> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (e) {
      return `PostgreSQL at ${PG_ADMIN_URL.replace(/\/\/[^@]*@/, '//')} is not reachable (${(e as Error).message})`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

export async function postgresTestDb(): Promise<TestDb> {
  const name = `magnet_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    provider: 'postgresql',
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Both providers, PostgreSQL only when reachable (the reason is printed otherwise). */
export async function providers(): Promise<{ name: 'sqlite' | 'postgresql'; make: () => Promise<TestDb> }[]> {
  const reason = await postgresUnavailable();
  if (reason) console.warn(`skipping PostgreSQL: ${reason}`);
  return [
    { name: 'sqlite', make: sqliteTestDb },
    ...(reason ? [] : [{ name: 'postgresql' as const, make: postgresTestDb }]),
  ];
}
