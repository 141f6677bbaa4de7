// Which database to use: a postgres:// URL means PostgreSQL, anything else is an SQLite file.
// The embedded default lives in ./data/ so a fresh checkout needs no setup.
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export const DEFAULT_DATABASE_URL = 'file:./data/studio.db';

export interface DatabaseTarget {
  provider: Provider;
  url: string;
  /** For SQLite: the absolute file path (or ':memory:'). */
  file?: string;
}

export function resolveDatabase(url?: string | null): DatabaseTarget {
  const raw = (url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL).trim();
  if (/^postgres(ql)?:\/\//i.test(raw)) return { provider: 'postgresql', url: raw };
  const stripped = raw.replace(/^file:/, '').replace(/^sqlite:/, '');
  if (stripped === ':memory:') return { provider: 'sqlite', url: 'file::memory:', file: ':memory:' };
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), stripped);
  return { provider: 'sqlite', url: `file:${file}`, file };
}

/** A URL safe to print: the password of a PostgreSQL URL is masked. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
