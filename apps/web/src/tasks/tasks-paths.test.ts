import { describe, expect, it } from 'vitest';
import { orderPath, readTab, tabPath, taskPath } from './tasks-paths';
import { matchPage } from '../router/routes';

describe('tasks paths', () => {
  it('build paths the router sends back to this module with the right sub-page', () => {
    expect(matchPage(taskPath('S000-01-01'))?.sub).toEqual({ key: 'task', param: 'S000-01-01' });
    expect(matchPage(orderPath('12'))?.sub).toEqual({ key: 'order', param: '12' });
    expect(matchPage(tabPath('orders').split('?')[0] ?? '')?.route.key).toBe('tasks');
    expect(tabPath('orders')).toBe('/tasks?tab=orders');
  });

  it('reads the tab, falling back to the inbox for unknown or hidden tabs', () => {
    const all = ['inbox', 'tasks', 'orders', 'cases'] as const;
    expect(readTab('?tab=tasks', all)).toBe('tasks');
    expect(readTab('?tab=cases', ['inbox', 'tasks', 'orders'])).toBe('inbox');
    expect(readTab('?tab=nope', all)).toBe('inbox');
    expect(readTab('', all)).toBe('inbox');
  });
});
