/**
 * Texts of the 试点与案例 panel. zh-CN is the source; `casesEn` has the same shape. Names, themes and
 * sources of pilots and cases come from the data and are shown as they are.
 */
import type { Language } from '../../i18n/messages';

type PilotStatus = 'planned' | 'active' | 'completed';
type PilotKind = '全域综合试点' | '专项试点';

export const casesZh = {
  pilotsTitle: '试点',
  pilotsIntro: '全域综合试点和专项试点：一地创新、全省共享。点选试点可查看其经验案例。',
  noPilots: '尚未载入试点（可运行 suocha pilots load）。',
  kind: (k: PilotKind): string => k,
  status: (s: PilotStatus): string => ({ planned: '筹备', active: '实施中', completed: '已完成' })[s],
  units: '试点单位',
  theme: '主题',
  startDate: '启动',
  noStartDate: '未载明',
  source: '来源',
  caseCount: (n: number) => `${n} 个案例`,
  showCases: '查看案例',
  casesTitle: '典型案例',
  searchLabel: '搜索案例',
  searchPlaceholder: '输入关键词，如：共富、宅基地、5G',
  searchButton: '搜索',
  clear: '清除',
  filterPilot: (name: string) => `试点：${name}`,
  resultCount: (total: number, terms: readonly string[]) =>
    terms.length > 0 ? `找到 ${total} 个案例（检索词：${terms.join('、')}）` : `共 ${total} 个案例`,
  noResults: '没有匹配的案例。',
  more: '更多结果',
  unit: '单位',
  tags: '标签',
  pilot: '所属试点',
  updated: '更新',
  back: '返回列表',
  summary: '摘要',
  fullText: '正文',
};

export type CasesMessages = typeof casesZh;

export const casesEn: CasesMessages = {
  pilotsTitle: 'Pilots',
  pilotsIntro:
    'Comprehensive and specialised pilots: innovate in one place, share across the province. Pick a pilot to see its cases.',
  noPilots: 'No pilots loaded yet (run suocha pilots load).',
  kind: (k) => (k === '全域综合试点' ? 'Comprehensive pilot' : 'Specialised pilot'),
  status: (s) => ({ planned: 'Planned', active: 'Under way', completed: 'Completed' })[s],
  units: 'Units',
  theme: 'Theme',
  startDate: 'Started',
  noStartDate: 'not stated',
  source: 'Source',
  caseCount: (n) => `${n} case${n === 1 ? '' : 's'}`,
  showCases: 'Show cases',
  casesTitle: 'Case library',
  searchLabel: 'Search cases',
  searchPlaceholder: 'Words to find, e.g. 共富, 宅基地, 5G',
  searchButton: 'Search',
  clear: 'Clear',
  filterPilot: (name) => `Pilot: ${name}`,
  resultCount: (total, terms) =>
    terms.length > 0
      ? `${total} case${total === 1 ? '' : 's'} found (terms: ${terms.join(', ')})`
      : `${total} case${total === 1 ? '' : 's'}`,
  noResults: 'No case matches.',
  more: 'More results',
  unit: 'Unit',
  tags: 'Tags',
  pilot: 'Pilot',
  updated: 'Updated',
  back: 'Back to the list',
  summary: 'Summary',
  fullText: 'Full text',
};

export function casesMessages(language: Language): CasesMessages {
  return language === 'en' ? casesEn : casesZh;
}
