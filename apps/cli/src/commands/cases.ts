/** Pilots and the case library (issue 8 §3): CLI commands. */
import type { Command } from 'commander';

export function casesCommands(program: Command): void {
  void program;
}
