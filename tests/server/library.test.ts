import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLocalActor, type Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { deleteFunctions } from '@/lib/server/library/delete-functions';
import { exportLibrary } from '@/lib/server/library/export-library';
import { getLibraryFacets } from '@/lib/server/library/get-library-facets';
import { importLibrary } from '@/lib/server/library/import-library';
import { listFunctions } from '@/lib/server/library/list-functions';
import { updateFunction } from '@/lib/server/library/update-function';
import { createProject } from '@/lib/server/projects/create-project';
import { providers, type TestDb } from '../helpers/db';
import { hasSharedData, SHARED_DATA } from '../helpers/shared-data';

const openaiFile = (fns: { name: string; props?: Record<string, unknown>; description?: string }[]) => ({
  name: 'tools.json',
  text: JSON.stringify(
    fns.map((f) => ({
      type: 'function',
      function: {
        name: f.name,
        description: f.description ?? `Does ${f.name}`,
        parameters: { type: 'object', properties: f.props ?? { id: { type: 'string' } }, required: [] },
      },
    })),
  ),
});

const bfclFile = (name: string, fns: string[]) => ({
  name,
  text: fns
    .map((fn) =>
      JSON.stringify({
        name: fn,
        description: `BFCL ${fn}`,
        parameters: { type: 'dict', properties: { amount: { type: 'float' } }, required: ['amount'] },
        response: { type: 'dict', properties: { id: { type: 'string' } } },
      }),
    )
    .join('\n'),
});

async function expectAppError(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

for (const provider of await providers()) {
  describe(`library use cases on ${provider.name}`, () => {
    let t: TestDb;
    let actor: Actor;
    beforeAll(async () => {
      t = await provider.make();
      actor = await getLocalActor(t.db);
    });
    afterAll(async () => t?.drop());

    const newProject = async (name: string) => (await createProject(t.db, actor, { name })).id;

    it('imports, then skips unchanged and updates changed functions', async () => {
      const pid = await newProject('import-cycle');
      const first = await importLibrary(t.db, actor, pid, {
        files: [openaiFile([{ name: 'get_user' }, { name: 'get_order' }])],
      });
      expect(first).toMatchObject({ ok: true, imported: 2, updated: 0, skipped: 0 });
      expect(first.files[0]!.format).toBe('openai');
      const again = await importLibrary(t.db, actor, pid, {
        files: [openaiFile([{ name: 'get_user' }, { name: 'get_order', description: 'changed' }])],
      });
      expect(again).toMatchObject({ imported: 0, updated: 1, skipped: 1 });
      const page = await listFunctions(t.db, actor, pid, { q: 'get_order' });
      expect(page.functions[0]!.description).toBe('changed');
      expect(page.functions[0]!.version).toBe(2);
    });

    it('is all or nothing: one malformed file imports nothing and names the problem', async () => {
      const pid = await newProject('all-or-nothing');
      const bad = { name: 'broken.json', text: '[{"type": "function", "function": {"name": "x",, }}]' };
      const e = await expectAppError(
        importLibrary(t.db, actor, pid, { files: [openaiFile([{ name: 'fine' }]), bad] }),
        'invalid',
      );
      expect(e.message).toMatch(/Nothing was imported/);
      expect(e.message).toMatch(/broken\.json/);
      expect(e.message).toMatch(/line 1/);
      expect((await listFunctions(t.db, actor, pid)).total).toBe(0);
      expect(await t.db.libraryImport.count({ where: { projectId: pid } })).toBe(0);
    });

    it('refuses a duplicate name inside one file', async () => {
      const pid = await newProject('duplicates');
      const e = await expectAppError(
        importLibrary(t.db, actor, pid, { files: [openaiFile([{ name: 'a' }, { name: 'a' }])] }),
        'invalid',
      );
      const issues = (e.details as { issues: { code: string }[] }).issues;
      expect(issues.some((i) => i.code === 'duplicate_name')).toBe(true);
      expect((await listFunctions(t.db, actor, pid)).total).toBe(0);
    });

    it('renames a name held by another class predictably and reports it', async () => {
      const pid = await newProject('collisions');
      const r = await importLibrary(t.db, actor, pid, {
        files: [bfclFile('bank_api.json', ['transfer', 'balance']), bfclFile('crypto_api.json', ['transfer'])],
      });
      expect(r.imported).toBe(3);
      const names = (await listFunctions(t.db, actor, pid)).functions.map((f) => f.name).sort();
      expect(names).toEqual(['balance', 'transfer', 'transfer_for_crypto_api']);
      expect(r.issues.some((i) => i.code === 'renamed' && /transfer_for_crypto_api/.test(i.message))).toBe(true);
      // Importing the same files again changes nothing: identity is (class, original name).
      const again = await importLibrary(t.db, actor, pid, {
        files: [bfclFile('bank_api.json', ['transfer', 'balance']), bfclFile('crypto_api.json', ['transfer'])],
      });
      expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 3 });
    });

    it('keeps curator edits on re-import unless told to overwrite', async () => {
      const pid = await newProject('kept-edits');
      await importLibrary(t.db, actor, pid, { files: [openaiFile([{ name: 'f' }])] });
      const [fn] = (await listFunctions(t.db, actor, pid)).functions;
      await updateFunction(t.db, actor, pid, fn!.id, { version: fn!.version, description: 'curated' });
      const r = await importLibrary(t.db, actor, pid, {
        files: [openaiFile([{ name: 'f', description: 'from file' }])],
      });
      expect(r).toMatchObject({ updated: 0, skipped: 1 });
      expect(r.issues.some((i) => i.code === 'kept_edits')).toBe(true);
      expect((await listFunctions(t.db, actor, pid)).functions[0]!.description).toBe('curated');
      const o = await importLibrary(t.db, actor, pid, {
        files: [openaiFile([{ name: 'f', description: 'from file' }])],
        overwriteEdits: true,
      });
      expect(o.updated).toBe(1);
    });

    it('refuses a stale edit: two curators saving the same function', async () => {
      const pid = await newProject('concurrency');
      await importLibrary(t.db, actor, pid, { files: [openaiFile([{ name: 'f' }])] });
      const [fn] = (await listFunctions(t.db, actor, pid)).functions;
      const results = await Promise.allSettled([
        updateFunction(t.db, actor, pid, fn!.id, { version: fn!.version, description: 'alice' }),
        updateFunction(t.db, actor, pid, fn!.id, { version: fn!.version, description: 'bob' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as AppError).code).toBe('conflict');
      const winner = (
        results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ function: { description: string } }>
      ).value.function.description;
      expect((await listFunctions(t.db, actor, pid)).functions[0]!.description).toBe(winner);
    });

    it('validates edited schemas', async () => {
      const pid = await newProject('schema-edit');
      await importLibrary(t.db, actor, pid, { files: [openaiFile([{ name: 'f' }])] });
      const [fn] = (await listFunctions(t.db, actor, pid)).functions;
      await expectAppError(
        updateFunction(t.db, actor, pid, fn!.id, { version: 1, parameters: { type: 'banana' } }),
        'invalid',
      );
      const ok = await updateFunction(t.db, actor, pid, fn!.id, {
        version: 1,
        parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
      });
      expect(ok.function.version).toBe(2);
    });

    it('filters by search, class, tag and source, and counts facets', async () => {
      const pid = await newProject('filters');
      await importLibrary(t.db, actor, pid, {
        files: [bfclFile('bank_api.json', ['transfer', 'balance']), openaiFile([{ name: 'Weather_Lookup' }])],
      });
      expect((await listFunctions(t.db, actor, pid, { q: 'weather' })).total).toBe(1);
      expect((await listFunctions(t.db, actor, pid, { category: 'bank_api' })).total).toBe(2);
      expect((await listFunctions(t.db, actor, pid, { source: 'openai' })).total).toBe(1);
      const facets = await getLibraryFacets(t.db, actor, pid);
      expect(facets.total).toBe(3);
      expect(facets.categories).toContainEqual({ value: 'bank_api', count: 2 });
      expect(facets.sources).toContainEqual({ value: 'bfcl', count: 2 });
      const [fn] = (await listFunctions(t.db, actor, pid, { q: 'balance' })).functions;
      await updateFunction(t.db, actor, pid, fn!.id, { version: fn!.version, tags: ['money', 'read'] });
      expect((await listFunctions(t.db, actor, pid, { tag: 'money' })).functions.map((f) => f.name)).toEqual([
        'balance',
      ]);
      expect((await listFunctions(t.db, actor, pid, { tag: 'mon' })).total).toBe(0);
    });

    it('exports OpenAI tools and MCP tools/list that import back unchanged', async () => {
      const pid = await newProject('export');
      await importLibrary(t.db, actor, pid, { files: [bfclFile('bank_api.json', ['bank.transfer', 'balance'])] });
      const openai = (await exportLibrary(t.db, actor, pid, { format: 'openai' })) as {
        function: { name: string; parameters: unknown };
      }[];
      expect(openai.map((t) => t.function.name).sort()).toEqual(['balance', 'bank_transfer']);
      const mcp = (await exportLibrary(t.db, actor, pid, { format: 'mcp' })) as {
        tools: { name: string; outputSchema?: unknown }[];
      };
      expect(mcp.tools).toHaveLength(2);
      expect(mcp.tools.every((x) => x.outputSchema)).toBe(true);
      const back = await newProject('export-back');
      const r = await importLibrary(t.db, actor, back, { files: [{ name: 'mcp.json', text: JSON.stringify(mcp) }] });
      expect(r.files[0]!.format).toBe('mcp');
      const orig = (await listFunctions(t.db, actor, pid, { q: 'balance' })).functions[0]!;
      const copy = (await listFunctions(t.db, actor, back, { q: 'balance' })).functions[0]!;
      expect(copy.parameters).toEqual(orig.parameters);
      expect(copy.returns).toEqual(orig.returns);
    });

    it('deletes functions and checks permissions', async () => {
      const pid = await newProject('permissions');
      await importLibrary(t.db, actor, pid, { files: [openaiFile([{ name: 'a' }, { name: 'b' }])] });
      const stranger = await t.db.user.create({ data: { email: `s${Date.now()}@example.test`, name: 'Stranger' } });
      const strangerActor = { userId: stranger.id, email: stranger.email, name: stranger.name };
      await expectAppError(listFunctions(t.db, strangerActor, pid), 'forbidden');
      await t.db.membership.create({ data: { userId: stranger.id, projectId: pid, role: 'viewer' } });
      expect((await listFunctions(t.db, strangerActor, pid)).total).toBe(2);
      await expectAppError(
        importLibrary(t.db, strangerActor, pid, { files: [openaiFile([{ name: 'c' }])] }),
        'forbidden',
      );
      const ids = (await listFunctions(t.db, actor, pid)).functions.map((f) => f.id);
      await expectAppError(deleteFunctions(t.db, strangerActor, pid, { ids }), 'forbidden');
      expect(await deleteFunctions(t.db, actor, pid, { ids: [ids[0]!] })).toEqual({ deleted: 1 });
      expect((await listFunctions(t.db, actor, pid)).total).toBe(1);
      expect(await t.db.auditEvent.count({ where: { projectId: pid, action: 'function.delete' } })).toBe(1);
    });

    it.skipIf(!hasSharedData)('imports the BFCL v3 multi-turn library: 129 functions in 8 classes', async () => {
      const pid = await newProject('bfcl');
      const dir = path.join(SHARED_DATA, 'bfcl_v3', 'multi_turn_func_doc');
      const files = readdirSync(dir).map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
      const r = await importLibrary(t.db, actor, pid, { files });
      expect(r.imported).toBe(129);
      const facets = await getLibraryFacets(t.db, actor, pid);
      expect(facets.categories).toHaveLength(8);
      const page = await listFunctions(t.db, actor, pid, { limit: 1000 });
      expect(page.functions.every((f) => f.returns !== null)).toBe(true);
    });
  });
}
