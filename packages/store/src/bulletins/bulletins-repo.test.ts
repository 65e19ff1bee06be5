/** Published bulletins on SQLite and PostgreSQL: one per month, read back exactly as stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type OpenedStore } from '../testing/engines';
import {
  getPublishedBulletin,
  insertPublishedBulletin,
  listPublishedBulletins,
  type NewPublishedBulletin,
} from './bulletins-repo';

const nov: NewPublishedBulletin = {
  month: '2025-11',
  title: '缩小三大差距工作月度通报',
  content: JSON.stringify({ month: '2025-11', text: '城乡居民收入倍差 1.83' }),
  contentHash: 'a'.repeat(64),
  synthetic: true,
  publishedBy: 'admin',
  publishedAt: '2025-12-05T01:00:00.000Z',
};

for (const engine of testEngines()) {
  describe(`bulletins repository (${engine.name})`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
    });
    afterAll(async () => {
      await opened.cleanup();
    });

    it('stores a published bulletin and reads it back as stored', async () => {
      const r = await insertPublishedBulletin(opened.store, nov);
      expect(r.inserted).toBe(true);
      expect(r.bulletin).toMatchObject({ ...nov, id: expect.any(Number) });
      expect(await getPublishedBulletin(opened.store, '2025-11')).toEqual(r.bulletin);
      expect(await getPublishedBulletin(opened.store, '2025-10')).toBeUndefined();
    });

    it('publishes a month once: a second publication changes nothing', async () => {
      const again = await insertPublishedBulletin(opened.store, {
        ...nov,
        content: '{"other":true}',
        contentHash: 'b'.repeat(64),
        publishedBy: 'someone-else',
      });
      expect(again.inserted).toBe(false);
      expect(again.bulletin.content).toBe(nov.content);
      expect(again.bulletin.publishedBy).toBe('admin');
    });

    it('lists published months newest first, without content', async () => {
      await insertPublishedBulletin(opened.store, {
        ...nov,
        month: '2025-10',
        synthetic: false,
      });
      const list = await listPublishedBulletins(opened.store);
      expect(list.map((b) => [b.month, b.synthetic])).toEqual([
        ['2025-11', true],
        ['2025-10', false],
      ]);
      expect(list[0]).not.toHaveProperty('content');
    });
  });
}
