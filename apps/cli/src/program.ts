import { Command } from 'commander';
import { catalogueCommands } from './commands/catalogue';
import { collectionCommands } from './commands/collection';
import { hierarchyCommands } from './commands/hierarchy';
import { gapsCommands } from './commands/gaps';
import { indexCommands } from './commands/index-runs';
import { initCommand } from './commands/init';
import { progressCommands } from './commands/progress';
import { projectsCommands } from './commands/projects';
import { tasksCommands } from './commands/tasks';
import { casesCommands } from './commands/cases';
import { supervisionCommands } from './commands/supervision';
import { bulletinsCommands } from './commands/bulletins';
import { serveCommand } from './commands/serve';
import { usersCommands } from './commands/users';
import { VERSION } from './version';

export function buildProgram(): Command {
  const program = new Command('suocha')
    .description('缩差 suocha — 缩小三大差距 monitoring, evaluation and dispatch')
    .version(VERSION)
    .option('--db <path|url>', 'SQLite file (default ./suocha.db) or postgres:// URL (or DATABASE_URL)')
    .option('--data <dir>', 'dataset folder (default: the repository data/)')
    .showHelpAfterError();
  initCommand(program);
  serveCommand(program);
  hierarchyCommands(program);
  catalogueCommands(program);
  usersCommands(program);
  indexCommands(program);
  gapsCommands(program);
  progressCommands(program);
  collectionCommands(program);
  projectsCommands(program);
  tasksCommands(program);
  casesCommands(program);
  supervisionCommands(program);
  bulletinsCommands(program);
  return program;
}
