import { describe, expect, it } from 'vitest';
import { matchPage } from '../router/routes';
import { importPath, projectPath } from './project-path';

describe('project paths', () => {
  it('builds paths the router matches to the project and import sub-pages', () => {
    expect(projectPath('ZJ-2025-0001', '2025-11')).toBe('/projects/project/ZJ-2025-0001?month=2025-11');
    const match = matchPage(projectPath('ZJ-2025-0001').split('?')[0] ?? '');
    expect(match?.sub).toEqual({ key: 'project', param: 'ZJ-2025-0001' });
    expect(matchPage(importPath())?.sub).toEqual({ key: 'import', param: 'import' });
    expect(importPath('2025-11')).toBe('/projects/import?month=2025-11');
  });
});
