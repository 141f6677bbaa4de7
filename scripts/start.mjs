#!/usr/bin/env node
// Starts the built studio: migrates the database, seeds the demo project on first start,
// then serves on http://localhost:$PORT (default 3000), bound to this machine only by default
// because the embedded studio has no sign-in (set HOST=0.0.0.0 to expose it on purpose).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('The studio is not built yet: run `npm run build` first (or `npm run studio`, which does both).');
  process.exit(1);
}
const setup = spawnSync(process.execPath, [path.join(root, 'bin', 'magnet.mjs'), 'setup'], {
  cwd: root,
  stdio: 'inherit',
});
if (setup.status !== 0) process.exit(setup.status ?? 1);

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
console.log(`Magnet Studio: http://localhost:${port}`);
const child = spawn(process.execPath, [next, 'start', '-p', port, '-H', host], {
  cwd: root,
  stdio: 'inherit',
  env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
