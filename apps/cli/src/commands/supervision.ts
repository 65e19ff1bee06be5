/** Supervision orders 督办 (issue 8): CLI commands. */
import type { Command } from 'commander';

export function supervisionCommands(program: Command): void {
  void program;
}
