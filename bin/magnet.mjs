#!/usr/bin/env node
// The `magnet` command. The CLI is TypeScript; tsx compiles it on the fly so the checkout
// needs no separate build step for it.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
await import(path.join(root, 'cli', 'main.ts'));
