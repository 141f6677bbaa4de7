// The graph page at the paper's scale: a 5,011-function library in 49 classes, its heuristic
// proposals stored through the CLI, then the built studio in headless Chromium. Measures the
// time to the first rendered graph and frame times while panning. Needs `npm run build` first.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { bfclLibraryFiles, generateBfclLibrary } from './generate-library';

const root = path.resolve(import.meta.dirname, '..');
const PORT = 3311;

function cli(db: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'magnet.mjs'), '--db', db, '--json', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`magnet ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function waitForServer(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not start at ${url}`);
}

/** Drags the canvas for `ms` while recording requestAnimationFrame intervals. */
async function panFrames(page: Page, ms: number): Promise<number[]> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // A string, not a function: tsx's transform would add helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < ms) {
    i++;
    await page.mouse.move(cx + Math.sin(i / 10) * 300, cy + Math.cos(i / 10) * 200);
  }
  await page.mouse.up();
  return (await page.evaluate('(() => { window.__stop = true; return window.__frames.slice(2); })()')) as number[];
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

export async function benchGraphPage(): Promise<Record<string, string | number>> {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')))
    return { skipped: 'the studio is not built: run `npm run build` first' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'magnet-graph-page-'));
  let server: ChildProcess | null = null;
  try {
    const lib = path.join(dir, 'lib');
    mkdirSync(lib);
    for (const f of bfclLibraryFiles(generateBfclLibrary({ functions: 5011, classes: 49, seed: 1 })))
      writeFileSync(path.join(lib, f.name), f.text);
    const db = `file:${path.join(dir, 'graph.db')}`;
    const project = cli(db, ['projects', 'create', 'paper scale']).project;
    const imported = cli(db, ['import', lib, '--project', project.id, '--format', 'bfcl']);
    const t0 = Date.now();
    const built = cli(db, ['graph', 'build', '--project', project.id]);
    const buildSeconds = (Date.now() - t0) / 1000;

    server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: { ...process.env, PORT: String(PORT), DATABASE_URL: db },
      stdio: 'ignore',
    });
    await waitForServer(`http://127.0.0.1:${PORT}/api/projects`, 60_000);
    const executablePath =
      process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const url = `http://127.0.0.1:${PORT}/p/${project.id}/graph`;
      // Warm the server's route once so the figure is the page, not Next's first compile of it.
      await page.goto(url);
      await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
      const started = Date.now();
      await page.goto(url);
      await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
      const firstRender = (Date.now() - started) / 1000;
      const overviewFrames = await panFrames(page, 3000);
      mkdirSync(path.join(root, 'screenshots'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'screenshots', 'graph-5011-overview.png') });

      // Work as a curator does: find a function, which expands its class and zooms in on it.
      const searchStart = Date.now();
      await page.getByLabel('Search functions').fill('get');
      await page.getByRole('option').first().click();
      await page.locator('[data-testid^="graph-node-"]').first().waitFor({ timeout: 60_000 });
      const searchSeconds = (Date.now() - searchStart) / 1000;
      await page.waitForTimeout(1000);
      const renderedNodes = await page.locator('.react-flow__node').count();
      const zoomedFrames = await panFrames(page, 3000);
      await page.screenshot({ path: path.join(root, 'screenshots', 'graph-5011-focused.png') });

      // The stress case: every class expanded at once.
      await page.getByRole('button', { name: 'Expand all classes' }).click();
      const expandStart = Date.now();
      await page.waitForTimeout(500);
      const expandedFrames = await panFrames(page, 3000);
      const expandSeconds = (Date.now() - expandStart) / 1000;
      const shotStart = Date.now();
      const shot = await page
        .screenshot({ path: path.join(root, 'screenshots', 'graph-5011-expanded.png'), timeout: 120_000 })
        .then(() => ((Date.now() - shotStart) / 1000).toFixed(1) + ' s')
        .catch((e: Error) => `failed: ${e.message.split('\n')[0]}`);
      return {
        functions: imported.imported,
        'edges proposed': built.proposed,
        'CLI graph build s': +buildSeconds.toFixed(2),
        'first render s': +firstRender.toFixed(2),
        'pan p95 ms (overview)': +pct(overviewFrames, 95).toFixed(1),
        'pan p50 ms (overview)': +pct(overviewFrames, 50).toFixed(1),
        'search to focus s': +searchSeconds.toFixed(2),
        'nodes in view (focused)': renderedNodes,
        'pan p95 ms (focused)': +pct(zoomedFrames, 95).toFixed(1),
        'pan p50 ms (focused)': +pct(zoomedFrames, 50).toFixed(1),
        'pan frames (all expanded)': expandedFrames.length,
        'pan p95 ms (all expanded)': +pct(expandedFrames, 95).toFixed(1),
        'expand + pan s (all expanded)': +expandSeconds.toFixed(1),
        'screenshot after (busy page?)': shot,
        aim: 'first render under 2 s, pan p95 under 33 ms',
      };
    } finally {
      await browser.close();
    }
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}
