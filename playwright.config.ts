import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where Playwright's own browser is not installed (it cannot be downloaded offline).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const PORT = Number(process.env.E2E_PORT ?? 3100);
const dbFile = `./data/e2e-${Date.now()}.db`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // Journeys change the database they share, so a retry would start from another state.
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // Keep input and timers running at full speed in every page of the headless browser.
        '--disable-backgrounding-occluded-windows',
        '--disable-renderer-backgrounding',
        '--disable-background-timer-throttling',
      ],
    },
  },
  webServer: {
    // The built studio on a fresh database, as a user starts it.
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${PORT}/api/projects`,
    env: { PORT: String(PORT), DATABASE_URL: `file:${dbFile}` },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
