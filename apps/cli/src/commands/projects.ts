/** Project dispatch (issue 7): CLI commands. */
import type { Command } from 'commander';

export function projectsCommands(program: Command): void {
  void program;
}
