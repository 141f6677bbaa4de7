import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, '.') } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Integration tests share one PostgreSQL server; each test file makes its own database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
