/** The monthly bulletin 月度通报 (issue 8): CLI commands. */
import type { Command } from 'commander';

export function bulletinsCommands(program: Command): void {
  void program;
}
