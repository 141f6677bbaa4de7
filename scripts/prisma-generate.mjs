#!/usr/bin/env node
// Generates one Prisma client per provider, offline, from the single prisma/schema.prisma.
// The PostgreSQL schema is derived by swapping the provider and output (see ARCHITECTURE.md).
// `prisma generate` does not use the native schema engine, but its download check fails
// without network unless PRISMA_SCHEMA_ENGINE_BINARY names some file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { providerSchema } from '../lib/db/provider-schema.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!existsSync(cli)) {
  console.log('prisma-generate: prisma CLI not installed yet, skipping');
  process.exit(0);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
};
const base = readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
for (const provider of ['sqlite', 'postgresql']) {
  const dir = path.join(root, 'lib', 'db', 'generated', `${provider}-schema`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'schema.prisma');
  writeFileSync(file, providerSchema(base, provider, `../${provider}`));
  const r = spawnSync(process.execPath, [cli, 'generate', '--schema', file], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.exit(r.status ?? 1);
  }
}
console.log('prisma-generate: clients generated for sqlite and postgresql');
