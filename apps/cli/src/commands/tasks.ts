/** Key tasks, pilots and cases (issue 8): CLI commands. */
import type { Command } from 'commander';

export function tasksCommands(program: Command): void {
  void program;
}
