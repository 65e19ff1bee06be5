#!/usr/bin/env node
// The `suocha` command. Runs the TypeScript sources through tsx's loader, so there is no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
