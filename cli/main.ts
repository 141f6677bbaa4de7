import { Command } from 'commander';
import { dbCommands } from './commands/db';
import { functionsCommand } from './commands/functions';
import { graphCommand } from './commands/graph';
import { importCommand } from './commands/import';
import { pathsCommand } from './commands/paths';
import { projectsCommand } from './commands/projects';
import { executorsCommand } from './commands/executors';
import { runsCommand } from './commands/runs';
import { teachersCommand } from './commands/teachers';
import type { GlobalOptions } from './context';

// `magnet paths export | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const program = new Command('magnet')
  .description('Magnet Studio from the command line: the same use cases as the studio')
  .option('--db <url>', 'database URL: postgres://... or an SQLite file (default: $DATABASE_URL or ./data/studio.db)')
  .option('--json', 'print exactly one JSON object on stdout')
  .showHelpAfterError()
  .enablePositionalOptions(false);

const globals = () => program.opts<GlobalOptions>();

projectsCommand(program, globals);
importCommand(program, globals);
functionsCommand(program, globals);
graphCommand(program, globals);
pathsCommand(program, globals);
runsCommand(program, globals);
teachersCommand(program, globals);
executorsCommand(program, globals);
dbCommands(program, globals);

await program.parseAsync(process.argv);
