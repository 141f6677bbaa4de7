// Orchestration overhead of a translation run: 1,000 demo paths through `magnet translate`
// against a local OpenAI-compatible server that answers every request after 100 ms, 32 paths
// at once. The ideal is 32 requests in flight all the time: 320 requests/s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeOpenAI } from '../tests/teachers/fake-providers';

const root = path.resolve(import.meta.dirname, '..');
const magnet = path.join(root, 'bin', 'magnet.mjs');

export async function benchRunsLlm(opts: { paths?: number; latencyMs?: number; concurrency?: number } = {}) {
  const paths = opts.paths ?? 1000;
  const latencyMs = opts.latencyMs ?? 100;
  const concurrency = opts.concurrency ?? 32;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'magnet-bench-'));
  const fake = await startFakeOpenAI({ latencyMs });
  try {
    const db = `file:${path.join(dir, 'bench.db')}`;
    const cli = (...args: string[]) => {
      // Not spawnSync: the fake server runs in this process and must keep answering.
      return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
        const child = spawn(process.execPath, [magnet, '--db', db, ...args], { cwd: root });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d));
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        child.on('exit', (code: number | null) => resolve({ stdout, stderr, code }));
      });
    };
    const must = async (...args: string[]) => {
      const r = await cli(...args);
      if (r.code !== 0) throw new Error(`magnet ${args.slice(0, 2).join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    };
    await must('setup');
    const project = (JSON.parse(await must('--json', 'projects', 'list')) as { projects: { id: string }[] }).projects[0]!.id;
    await must('paths', 'sample', '--project', project, '--count', String(paths), '--seed', 'bench', '--include-proposed');
    await must(
      'teachers', 'add', '--project', project, '--name', 'local', '--provider', 'openai-compatible',
      '--base-url', fake.baseURL, '--model', 'fake', '--concurrency', String(concurrency),
    );
    const out = JSON.parse(
      await must('--json', 'translate', '--project', project, '--teacher', 'local', '--concurrency', String(concurrency)),
    ) as { run: { requests: number; succeeded: number; failed: number; tokensIn: number; tokensOut: number }; seconds: number };
    const { run, seconds } = out;
    const ideal = (run.requests * latencyMs) / 1000 / concurrency;
    const throughput = run.requests / seconds;
    return {
      paths,
      translated: run.succeeded,
      failed: run.failed,
      'LLM requests': run.requests,
      'server latency ms': latencyMs,
      concurrency,
      'wall s': +seconds.toFixed(2),
      'ideal s': +ideal.toFixed(2),
      'requests/s': +throughput.toFixed(1),
      'ideal requests/s': (concurrency * 1000) / latencyMs,
      'of ideal': `${((ideal / seconds) * 100).toFixed(1)} %`,
      'overhead/call ms': +(((seconds * concurrency) / run.requests) * 1000 - latencyMs).toFixed(1),
      'most in flight': fake.maxInFlight,
      aim: 'within 10 % of ideal',
    };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
