// The CLI as a user runs it: a real process, a real SQLite file, stdout/stderr and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'magnet-cli-'));
const db = `file:${path.join(dir, 'cli.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function magnet(...args: string[]) {
  // Run from another folder: the CLI must not depend on the working directory.
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'magnet.mjs'), '--db', db, ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tools = [
  {
    type: 'function',
    function: {
      name: 'find_user',
      description: 'Find a user by email.',
      parameters: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_orders',
      description: 'Orders of a user.',
      parameters: { type: 'object', properties: { user_id: { type: 'string' } }, required: ['user_id'] },
    },
  },
];

describe('magnet CLI', () => {
  it('creates a project, imports, lists and exports, printing exactly one JSON object with --json', () => {
    const created = magnet('projects', 'create', 'Shop', '--json');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).project.name).toBe('Shop');
    expect(created.stdout.trim().split('\n')).toHaveLength(1);

    const file = path.join(dir, 'tools.json');
    writeFileSync(file, JSON.stringify(tools));
    const imported = magnet('import', file, '--project', 'Shop', '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      ok: true,
      imported: 2,
      files: [{ name: 'tools.json', format: 'openai' }],
    });

    const listed = JSON.parse(magnet('functions', 'list', '--project', 'Shop', '--json').stdout);
    expect(listed.functions.map((f: { name: string }) => f.name)).toEqual(['find_user', 'get_orders']);

    const projectId = JSON.parse(magnet('projects', 'list', '--json').stdout).projects.find(
      (p: { name: string }) => p.name === 'Shop',
    ).id;
    const mcp = JSON.parse(magnet('functions', 'export', '--project', projectId, '--format', 'mcp', '--json').stdout);
    expect(mcp.tools.map((t: { name: string }) => t.name)).toEqual(['find_user', 'get_orders']);
    const openai = JSON.parse(magnet('functions', 'export', '--project', 'Shop', '--json').stdout);
    expect(openai.tools[0]).toMatchObject({ type: 'function', function: { name: 'find_user' } });
  });

  it('reports errors on stderr with a non-zero exit code and nothing on stdout', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"tools": [');
    const r = magnet('import', bad, '--project', 'Shop', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const err = JSON.parse(r.stderr).error;
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/bad\.json.*line 1/);

    const missing = magnet('functions', 'list', '--project', 'Nope');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no project with id or name "Nope"/);

    const dup = magnet('projects', 'create', 'Shop');
    expect(dup.code).toBe(4);
  });
});

describe('magnet graph', () => {
  it('builds, exports and counts the graph of a library', () => {
    const file = path.join(dir, 'graph.json');
    writeFileSync(
      file,
      [
        {
          name: 'create_order',
          description: 'Create an order.',
          parameters: { type: 'object', properties: { item: { type: 'string' } }, required: ['item'] },
          response: { type: 'object', properties: { order_id: { type: 'string' } } },
        },
        {
          name: 'cancel_order',
          description: 'Cancel an order.',
          parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
          response: { type: 'object', properties: { ok: { type: 'boolean' } } },
        },
      ]
        .map((f) => JSON.stringify(f))
        .join('\n'),
    );
    expect(magnet('projects', 'create', 'Orders').code).toBe(0);
    expect(magnet('import', file, '--project', 'Orders', '--format', 'bfcl').code).toBe(0);
    const built = JSON.parse(magnet('graph', 'build', '--project', 'Orders', '--json').stdout);
    expect(built).toMatchObject({ method: 'heuristic', functions: 2, proposed: 1 });
    const exported = JSON.parse(magnet('graph', 'export', '--project', 'Orders', '--json').stdout);
    expect(exported.edges).toEqual([
      expect.objectContaining({ from: 'create_order', to: 'cancel_order', kind: 'full', status: 'proposed' }),
    ]);
    const stats = JSON.parse(magnet('graph', 'stats', '--project', 'Orders', '--json').stdout);
    expect(stats).toMatchObject({ functions: 2, edges: 1, byStatus: { proposed: 1 } });
    const bad = magnet('graph', 'build', '--project', 'Orders', '--method', 'magic');
    expect(bad.code).toBe(2);
  });
});

describe('magnet paths', () => {
  it('samples, lists and exports paths; the same seed writes the same bytes, another seed other paths', () => {
    const file = path.join(dir, 'chain.json');
    const fn = (name: string, input: string | null, output: string) => ({
      name,
      description: `${name} step`,
      parameters: {
        type: 'dict',
        properties: input
          ? { [input]: { type: 'string', description: `the ${input}` } }
          : { query: { type: 'string', description: 'what to find' } },
        required: [input ?? 'query'],
      },
      response: { type: 'dict', properties: { [output]: { type: 'string' } } },
    });
    writeFileSync(
      file,
      [
        fn('find_item', null, 'item_id'),
        fn('get_item', 'item_id', 'owner_id'),
        fn('get_owner', 'owner_id', 'email'),
        fn('notify_owner', 'email', 'ok'),
      ]
        .map((f) => JSON.stringify(f))
        .join('\n'),
    );
    expect(magnet('projects', 'create', 'Chain').code).toBe(0);
    expect(magnet('import', file, '--project', 'Chain', '--format', 'bfcl').code).toBe(0);
    expect(magnet('graph', 'build', '--project', 'Chain').code).toBe(0);
    const none = magnet('paths', 'sample', '--project', 'Chain', '--count', '5');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no function has an accepted outgoing edge/);

    const sample = (seed: string, name: string) =>
      JSON.parse(
        magnet(
          'paths',
          'sample',
          '--project',
          'Chain',
          '--count',
          '50',
          '--seed',
          seed,
          '--name',
          name,
          '--include-proposed',
          '--json',
        ).stdout,
      );
    const a = sample('7', 'a');
    expect(a).toMatchObject({ sampled: 50, recipeName: 'a', recipe: { seed: '7', steps: 7, includeProposed: true } });
    const b = sample('7', 'b');
    const c = sample('8', 'c');
    const out = (recipe: string) => {
      const f = path.join(dir, `${recipe}.jsonl`);
      expect(magnet('paths', 'export', '--project', 'Chain', '--recipe', recipe, '--out', f).code).toBe(0);
      return readFileSync(f, 'utf8');
    };
    expect(out(b.recipeId)).toBe(out(a.recipeId));
    expect(out(c.recipeId)).not.toBe(out(a.recipeId));
    const lines = out(a.recipeId).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['seed', 'stopReason', 'turns', 'operations']);
    // Without --out, the JSON lines go to stdout as they are.
    const stdout = magnet('paths', 'export', '--project', 'Chain', '--recipe', a.recipeId).stdout;
    expect(stdout).toBe(out(a.recipeId));

    const list = JSON.parse(magnet('paths', 'list', '--project', 'Chain', '--limit', '5', '--json').stdout);
    expect(list.total).toBe(150);
    expect(list.paths).toHaveLength(5);
    expect(magnet('paths', 'list', '--project', 'Chain').stdout).toMatch(/find_item → /);
    const stats = JSON.parse(magnet('paths', 'stats', '--project', 'Chain', '--json').stdout);
    expect(stats.paths).toBe(150);
    expect(magnet('paths', 'sample', '--project', 'Chain', '--count', 'many').code).toBe(2);
    expect(magnet('paths', 'delete', '--project', 'Chain').code).toBe(2);
    expect(
      JSON.parse(magnet('paths', 'delete', '--project', 'Chain', '--recipe', c.recipeId, '--json').stdout),
    ).toEqual({ deleted: 50 });
  });
});
