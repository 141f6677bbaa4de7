import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportLibrary } from '@/lib/server/library/export-library';
import { listFunctions } from '@/lib/server/library/list-functions';
import { getProject } from '@/lib/server/projects/get-project';
import { table, withContext, type GlobalOptions } from '../context';

export function functionsCommand(program: Command, globals: () => GlobalOptions) {
  const functions = program.command('functions').description('list and export a project\u2019s function library');
  functions
    .command('list')
    .description('list functions')
    .requiredOption('--project <project>', 'project name or id')
    .option('--search <text>', 'match name, description or class')
    .option('--category <name>', 'only this class or category')
    .option('--tag <tag>', 'only functions with this tag')
    .option('--source <format>', 'only functions imported from this format')
    .option('--limit <n>', 'at most this many', '1000')
    .action(
      (opts: { project: string; search?: string; category?: string; tag?: string; source?: string; limit: string }) =>
        withContext(globals(), async ({ db, actor }) => {
          const project = await getProject(db, actor, opts.project);
          const page = await listFunctions(db, actor, project.id, {
            q: opts.search,
            category: opts.category,
            tag: opts.tag,
            source: opts.source as never,
            limit: Number(opts.limit),
          });
          const rows = page.functions.map((f) => ({
            name: f.name,
            class: f.category,
            source: f.sourceFormat,
            params: Object.keys((f.parameters.properties as object) ?? {}).length,
            description: f.description,
          }));
          const more =
            page.total > page.functions.length
              ? `\n(${page.functions.length} of ${page.total}; raise --limit for more)`
              : `\n${page.total} functions`;
          return { json: page, text: table(rows, ['name', 'class', 'source', 'params', 'description']) + more };
        }),
    );
  functions
    .command('export')
    .description('export the library as OpenAI tools (default) or an MCP tools/list result')
    .requiredOption('--project <project>', 'project name or id')
    .option('--format <format>', 'openai | mcp', 'openai')
    .option('--category <name>', 'only this class or category')
    .option('--tag <tag>', 'only functions with this tag')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((opts: { project: string; format: string; category?: string; tag?: string; out?: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, opts.project);
        const result = await exportLibrary(db, actor, project.id, {
          format: opts.format as never,
          category: opts.category,
          tag: opts.tag,
        });
        const count = Array.isArray(result) ? result.length : result.tools.length;
        // --json always prints one object: OpenAI's array is wrapped as {tools}.
        const json = Array.isArray(result) ? { format: 'openai', tools: result } : { format: 'mcp', ...result };
        if (opts.out) {
          await writeFile(opts.out, JSON.stringify(result, null, 2) + '\n');
          return {
            json: { format: opts.format, count, out: opts.out },
            text: `wrote ${count} functions to ${opts.out}`,
          };
        }
        return { json, text: JSON.stringify(result, null, 2) };
      }),
    );
}
