import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '@/lib/server/errors';
import { getProject } from '@/lib/server/projects/get-project';
import { listPrompts } from '@/lib/server/prompts/list-prompts';
import { savePrompt } from '@/lib/server/prompts/save-prompt';
import { getExecutorSettings, saveExecutorSettings, setFunctionExecutor } from '@/lib/server/runs/executor-settings';
import { table, withContext, type GlobalOptions } from '../context';

/** Tool executors and teacher prompts: how runs execute calls and what they ask the teacher. */
export function executorsCommand(program: Command, globals: () => GlobalOptions) {
  const executors = program.command('executors').description('how runs execute function calls');
  executors
    .command('set <function>')
    .description('schema (default) | teacher | http for one function (by name)')
    .requiredOption('--project <name|id>', 'the project')
    .requiredOption('--kind <k>', 'schema | teacher | http')
    .option('--url <url>', 'for http: the endpoint (its host must be on the allowlist)')
    .option('--method <m>', 'for http: POST (JSON body {name, arguments}) or GET (query)', 'POST')
    .option('--timeout-ms <n>', 'for http: this function\'s own timeout')
    .action((name: string, o: { project: string; kind: string; url?: string; method: string; timeoutMs?: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, o.project, 'editor');
        const fn = await db.function.findFirst({ where: { projectId: project.id, name }, select: { id: true } });
        if (!fn) throw new AppError('not_found', `no function named "${name}"`);
        const spec =
          o.kind === 'http'
            ? { kind: 'http', url: o.url, method: o.method, ...(o.timeoutMs && { timeoutMs: Number(o.timeoutMs) }) }
            : { kind: o.kind };
        const executor = await setFunctionExecutor(db, actor, project.id, fn.id, spec);
        return { json: { executor }, text: `${name}: ${executor.kind}${executor.kind === 'http' ? ` ${executor.method} ${executor.url}` : ''}` };
      }),
    );
  executors
    .command('allow')
    .description('set the hosts HTTP executors may reach, and their limits')
    .requiredOption('--project <name|id>', 'the project')
    .requiredOption('--hosts <list>', 'comma-separated: host, host:port or *.example.com ("" for none)')
    .option('--timeout-ms <n>', 'per call', '10000')
    .option('--max-bytes <n>', 'largest response', '1000000')
    .action((o: { project: string; hosts: string; timeoutMs: string; maxBytes: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, o.project, 'owner');
        const settings = await saveExecutorSettings(db, actor, project.id, {
          allowlist: o.hosts.split(',').map((h) => h.trim()).filter(Boolean),
          timeoutMs: Number(o.timeoutMs),
          maxResponseBytes: Number(o.maxBytes),
        });
        return { json: { settings }, text: `allowlist: ${settings.allowlist.join(', ') || '(none)'}` };
      }),
    );
  executors
    .command('show')
    .requiredOption('--project <name|id>', 'the project')
    .action((o: { project: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, o.project);
        const settings = await getExecutorSettings(db, actor, project.id);
        const custom = await db.function.findMany({
          where: { projectId: project.id, NOT: { executor: { equals: null as never } } },
          select: { name: true, executor: true },
          orderBy: { name: 'asc' },
        });
        const rows = custom.map((f) => ({ function: f.name, executor: JSON.stringify(f.executor).slice(0, 80) }));
        return {
          json: { settings, functions: custom.map((f) => f.name) },
          text: `allowlist: ${settings.allowlist.join(', ') || '(none)'}; timeout ${settings.timeoutMs} ms; max ${settings.maxResponseBytes} bytes\n${table(rows, ['function', 'executor'])}`,
        };
      }),
    );

  const prompts = program.command('prompts').description('the teacher\'s prompts, versioned per project');
  prompts
    .command('list')
    .requiredOption('--project <name|id>', 'the project')
    .action((o: { project: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, o.project);
        const list = await listPrompts(db, actor, project.id);
        return {
          json: { prompts: list },
          text: table(list.map((p) => ({ ...p, saved: p.history.length })), ['operation', 'version', 'isDefault', 'saved']),
        };
      }),
    );
  prompts
    .command('set <operation>')
    .description('save a new version of an operation\'s prompt from a file ({{placeholders}} as in the default)')
    .requiredOption('--project <name|id>', 'the project')
    .option('--file <f>', 'the template')
    .option('--default', 'go back to the built-in prompt')
    .action((operation: string, o: { project: string; file?: string; default?: boolean }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, o.project, 'editor');
        if (!o.file && !o.default) throw new AppError('invalid', 'give --file <template> or --default');
        const template = o.default ? '' : await readFile(o.file!, 'utf8');
        const prompt = await savePrompt(db, actor, project.id, { operation, template });
        return { json: { prompt }, text: `${operation}: now ${prompt.version}` };
      }),
    );
}
