// The Prisma client factory: one generated client per provider, each behind its driver adapter.
// Both clients come from the same datamodel, so the SQLite client's type stands for both.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgresql/client';
import { resolveDatabase, type DatabaseTarget, type Provider } from './config';

export type Db = SqliteClient;
export type { Prisma } from './generated/sqlite/client';

export function sqliteAdapter(target: DatabaseTarget) {
  if (target.file && target.file !== ':memory:') mkdirSync(path.dirname(target.file), { recursive: true });
  // timeout is SQLite's busy timeout: concurrent writers wait instead of failing at once.
  return new PrismaBetterSqlite3({ url: target.file ?? ':memory:', timeout: 10_000 });
}

export function postgresAdapter(target: DatabaseTarget) {
  return new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
}

export function adapterFor(target: DatabaseTarget) {
  return target.provider === 'postgresql' ? postgresAdapter(target) : sqliteAdapter(target);
}

const providers = new WeakMap<object, Provider>();
const urls = new WeakMap<object, string>();

/** Which provider a client talks to: a few queries differ (case-insensitive search). */
export function providerOf(db: object): Provider {
  return providers.get(db) ?? 'sqlite';
}

/** The URL a client was made for (job queues on PostgreSQL open their own connections to it). */
export function urlOf(db: object): string {
  return urls.get(db) ?? resolveDatabase().url;
}

// Prisma's defaults (2 s to start a transaction, 5 s to finish it) fail a curator's save or cancel
// while a run's workers keep SQLite's single writer busy; waiting is right, failing is not.
const transactionOptions = { maxWait: 15_000, timeout: 60_000 };

export function createDb(url?: string | null): Db {
  const target = resolveDatabase(url);
  const db =
    target.provider === 'postgresql'
      ? (new PostgresClient({ adapter: postgresAdapter(target), transactionOptions }) as unknown as Db)
      : new SqliteClient({ adapter: sqliteAdapter(target), transactionOptions });
  providers.set(db, target.provider);
  urls.set(db, target.url);
  return db;
}

const globalForDb = globalThis as unknown as { __magnetDb?: Db };

/** The process-wide client for the server (DATABASE_URL or the embedded default). */
export function getDb(): Db {
  globalForDb.__magnetDb ??= createDb();
  return globalForDb.__magnetDb;
}
