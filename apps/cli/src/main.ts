import { DatasetError } from '@suocha/services';
import { CommanderError } from 'commander';
import { UserError } from './context';
import { buildProgram } from './program';

try {
  await buildProgram().exitOverride().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  if (e instanceof UserError || e instanceof DatasetError) {
    process.stderr.write(`错误 error: ${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`错误 error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
