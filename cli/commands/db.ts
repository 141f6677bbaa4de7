import type { Command } from 'commander';
import { createDb } from '@/lib/db/client';
import { redactUrl, resolveDatabase } from '@/lib/db/config';
import { migrateDatabase } from '@/lib/db/migrate';
import { getLocalActor } from '@/lib/server/actor';
import { seedDemoProject } from '@/lib/server/demo/seed-demo-project';
import { fail, type GlobalOptions } from '../context';

export function dbCommands(program: Command, globals: () => GlobalOptions) {
  const db = program.command('db').description('the database');
  db.command('migrate')
    .description('apply pending migrations')
    .action(async () => {
      const g = globals();
      try {
        const applied = await migrateDatabase(g.db);
        const target = resolveDatabase(g.db);
        const out = { provider: target.provider, url: redactUrl(target.url), applied };
        process.stdout.write(
          g.json
            ? JSON.stringify(out) + '\n'
            : `${target.provider}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`,
        );
      } catch (e) {
        fail(e, !!g.json);
      }
    });
  program
    .command('setup')
    .description('migrate the database and seed the demo project if it has no project yet')
    .option('--force-demo', 'seed the demo project even if other projects exist')
    .action(async (opts: { forceDemo?: boolean }) => {
      const g = globals();
      const client = createDb(g.db);
      try {
        const applied = await migrateDatabase(g.db);
        const actor = await getLocalActor(client);
        const demo = await seedDemoProject(client, actor, { force: !!opts.forceDemo });
        const out = { applied, demoProjectId: demo };
        process.stdout.write(
          g.json
            ? JSON.stringify(out) + '\n'
            : `database ready${applied.length ? ` (applied ${applied.join(', ')})` : ''}${demo ? '; demo project seeded' : ''}\n`,
        );
      } catch (e) {
        fail(e, !!g.json);
      } finally {
        await client.$disconnect();
      }
    });
}
