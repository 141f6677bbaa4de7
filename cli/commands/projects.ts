import type { Command } from 'commander';
import { createProject } from '@/lib/server/projects/create-project';
import { listProjects } from '@/lib/server/projects/list-projects';
import { table, withContext, type GlobalOptions } from '../context';

export function projectsCommand(program: Command, globals: () => GlobalOptions) {
  const projects = program.command('projects').description('create and list projects');
  projects
    .command('create <name>')
    .description('create a project (you become its owner)')
    .option('--description <text>', 'what the project is for', '')
    .action((name: string, opts: { description: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const p = await createProject(db, actor, { name, description: opts.description });
        const project = { id: p.id, name: p.name, description: p.description, createdAt: p.createdAt.toISOString() };
        return { json: { project }, text: `created project ${p.name} (${p.id})` };
      }),
    );
  projects
    .command('list')
    .description('list your projects')
    .action(() =>
      withContext(globals(), async ({ db, actor }) => {
        const list = await listProjects(db, actor);
        const rows = list.map((p) => ({ id: p.id, name: p.name, role: p.role, functions: p.counts.functions }));
        return { json: { projects: list }, text: table(rows, ['id', 'name', 'role', 'functions']) };
      }),
    );
}
