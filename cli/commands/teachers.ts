import type { Command } from 'commander';
import { AppError } from '@/lib/server/errors';
import { getProject } from '@/lib/server/projects/get-project';
import { deleteTeacher } from '@/lib/server/teachers/delete-teacher';
import { listTeachers } from '@/lib/server/teachers/list-teachers';
import { saveTeacher } from '@/lib/server/teachers/save-teacher';
import { table, withContext, type GlobalOptions } from '../context';

const num = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new AppError('invalid', `--${name} must be a number, got "${v}"`);
  return n;
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

export function teachersCommand(program: Command, globals: () => GlobalOptions) {
  const teachers = program.command('teachers').description('LLM teachers of a project (the template teacher is built in)');
  teachers
    .command('list')
    .requiredOption('--project <name|id>', 'the project')
    .action((opts: { project: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, opts.project);
        const list = await listTeachers(db, actor, project.id);
        return {
          json: { teachers: list },
          text: table(
            list.map((t) => ({ ...t, baseURL: t.baseURL ?? '' })),
            ['name', 'provider', 'model', 'baseURL', 'concurrency', 'apiKey'],
          ),
        };
      }),
    );
  teachers
    .command('add')
    .description('add a teacher, or replace the one with this name')
    .requiredOption('--project <name|id>', 'the project')
    .requiredOption('--name <name>', 'how runs name it')
    .requiredOption('--provider <p>', 'openai-compatible | anthropic | google')
    .requiredOption('--model <model>', 'the model id')
    .option('--base-url <url>', 'the endpoint (required for openai-compatible, e.g. http://127.0.0.1:8000/v1)')
    .option('--api-key-env <VAR>', 'read the API key from this environment variable where the run works')
    .option('--api-key-stdin', 'read the API key from stdin and store it encrypted')
    .option('--temperature <t>')
    .option('--max-tokens <n>')
    .option('--timeout-ms <n>')
    .option('--max-retries <n>')
    .option('--concurrency <n>', 'default paths at once for runs of this teacher')
    .option('--rpm <n>', 'requests per minute')
    .option('--tpm <n>', 'tokens per minute')
    .option('--input-cost <microdollars>', 'price per million input tokens, in micro-dollars')
    .option('--output-cost <microdollars>', 'price per million output tokens, in micro-dollars')
    .action((o: Record<string, string | boolean | undefined>) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, String(o.project), 'owner');
        const input = {
          name: o.name,
          provider: o.provider,
          model: o.model,
          baseURL: o.baseUrl,
          apiKeyEnv: o.apiKeyEnv,
          ...(o.apiKeyStdin && { apiKey: await readStdin() }),
          temperature: num(o.temperature as string, 'temperature'),
          maxTokens: num(o.maxTokens as string, 'max-tokens'),
          timeoutMs: num(o.timeoutMs as string, 'timeout-ms'),
          maxRetries: num(o.maxRetries as string, 'max-retries'),
          concurrency: num(o.concurrency as string, 'concurrency'),
          requestsPerMinute: num(o.rpm as string, 'rpm'),
          tokensPerMinute: num(o.tpm as string, 'tpm'),
          inputCostPerMTok: num(o.inputCost as string, 'input-cost'),
          outputCostPerMTok: num(o.outputCost as string, 'output-cost'),
        };
        const existing = (await listTeachers(db, actor, project.id)).find((t) => t.name === o.name);
        const teacher = await saveTeacher(
          db,
          actor,
          project.id,
          existing ? { ...input, version: existing.version } : input,
          existing?.id,
        );
        return { json: { teacher }, text: `teacher ${teacher.name} ${existing ? 'updated' : 'added'} (API key: ${teacher.apiKey})` };
      }),
    );
  teachers
    .command('remove <name>')
    .requiredOption('--project <name|id>', 'the project')
    .action((name: string, opts: { project: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, opts.project, 'owner');
        const t = (await listTeachers(db, actor, project.id)).find((x) => x.name === name);
        if (!t) throw new AppError('not_found', `no teacher named "${name}"`);
        await deleteTeacher(db, actor, project.id, t.id);
        return { json: { deleted: name }, text: `teacher ${name} removed` };
      }),
    );
}
