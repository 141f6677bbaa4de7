// `npm run bench`: the studio's speed and memory figures, printed, never asserted.
// Each entry runs the real CLI on generated data in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bfclLibraryFiles, generateBfclLibrary, generateToolBenchLibrary, toolFileName } from './generate-library';
import { benchGraphHeuristic } from './graph-heuristic';
import { benchGraphPage } from './graph-page';
import { benchPathsSample } from './paths-sample';
import { benchRunsLlm } from './runs-llm';

const root = path.resolve(import.meta.dirname, '..');
const magnet = path.join(root, 'bin', 'magnet.mjs');
const only = process.argv.slice(2);

interface Figure {
  bench: string;
  [k: string]: string | number;
}
const figures: Figure[] = [];

function runCli(args: string[], rssFile: string) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', path.join(root, 'bench', 'report-rss.mjs'), magnet, ...args], {
    cwd: root,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`magnet ${args.slice(0, 2).join(' ')} failed: ${r.stderr}`);
  return { seconds, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1048576, stdout: r.stdout };
}

async function importToolBench16k() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'magnet-bench-'));
  try {
    const tools = generateToolBenchLibrary({ functions: 16_000, seed: 1 });
    const lib = path.join(dir, 'toolbench');
    mkdirSync(lib);
    let bytes = 0;
    for (const tool of tools) {
      const text = JSON.stringify(tool, null, 2);
      bytes += text.length;
      writeFileSync(path.join(lib, toolFileName(tool)), text);
    }
    const db = `file:${path.join(dir, 'bench.db')}`;
    const rss = path.join(dir, 'rss');
    runCli(['--db', db, 'projects', 'create', 'bench'], rss);
    const r = runCli(['--db', db, '--json', 'import', lib, '--project', 'bench'], rss);
    const report = JSON.parse(r.stdout) as { imported: number };
    figures.push({
      bench: 'import ToolBench-scale library (CLI, SQLite)',
      functions: report.imported,
      files: tools.length,
      'input MB': +(bytes / 1048576).toFixed(1),
      'wall s': +r.seconds.toFixed(2),
      'peak RSS MB': +r.peakMb.toFixed(0),
      aim: 'under 10 s',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The Paths stage end to end, as a curator runs it from the CLI: 10,000 paths sampled along the
// heuristic graph of a generated 5,011-function BFCL-style library (proposed edges walked, since
// nobody accepted any), stored as Path and PathTurn rows, then exported as JSON lines.
async function sampleAndStorePaths() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'magnet-bench-'));
  try {
    const lib = path.join(dir, 'bfcl');
    mkdirSync(lib);
    for (const f of bfclLibraryFiles(generateBfclLibrary({ functions: 5011, classes: 49, seed: 1 })))
      writeFileSync(path.join(lib, f.name), f.text);
    const db = `file:${path.join(dir, 'bench.db')}`;
    const rss = path.join(dir, 'rss');
    runCli(['--db', db, 'projects', 'create', 'bench'], rss);
    runCli(['--db', db, 'import', lib, '--project', 'bench', '--format', 'bfcl'], rss);
    runCli(['--db', db, 'graph', 'build', '--project', 'bench'], rss);
    const args = ['--db', db, '--json', 'paths', 'sample', '--project', 'bench', '--count', '10000', '--steps', '7'];
    const sampled = runCli([...args, '--include-proposed', '--seed', 'bench'], rss);
    const report = JSON.parse(sampled.stdout) as { sampled: number; ms: number };
    const out = path.join(dir, 'paths.jsonl');
    const exported = runCli(['--db', db, 'paths', 'export', '--project', 'bench', '--out', out], rss);
    figures.push({
      bench: 'sample and store 10,000 paths (CLI, SQLite), 5,011-function graph, then export them',
      paths: report.sampled,
      'sample+store s': +(report.ms / 1000).toFixed(2),
      'CLI wall s': +sampled.seconds.toFixed(2),
      'sample peak MB': +sampled.peakMb.toFixed(0),
      'export wall s': +exported.seconds.toFixed(2),
      'export peak MB': +exported.peakMb.toFixed(0),
      'export MB': +(readFileSync(out).length / 1048576).toFixed(1),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entries: Record<string, () => Promise<void>> = {
  'import-16k': importToolBench16k,
  'graph-heuristic': async () => {
    const { bench, ...rest } = await benchGraphHeuristic();
    figures.push({ bench: String(bench ?? 'heuristic edge proposal, 5,011 functions'), ...rest });
  },
  'paths-sample': async () => {
    figures.push({
      bench: 'sample 10,000 paths of 7 steps, all operations, 5,011-function graph',
      ...(await benchPathsSample()),
    });
  },
  'paths-store': sampleAndStorePaths,
  'runs-llm': async () => {
    figures.push({ bench: 'translation run: 1,000 paths, local OpenAI-compatible server (100 ms), concurrency 32', ...(await benchRunsLlm()) });
  },
  'graph-page': async () => {
    figures.push({ bench: 'graph page, 5,011 functions in headless Chromium', ...(await benchGraphPage()) });
  },
};
for (const [name, fn] of Object.entries(entries)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench ${name} ...\n`);
  await fn();
}
for (const f of figures) {
  console.log(`\n${f.bench}`);
  for (const [k, v] of Object.entries(f)) if (k !== 'bench') console.log(`  ${k.padEnd(14)} ${v}`);
}
