/**
 * Texts of the health check's 重大项目 panel. zh-CN is the source; `countyProjectsEn` has the same shape.
 * Light names and the lights' explanations come from the projects module (its chips and the server).
 */
import type { Language } from '../i18n/messages';

export const countyProjectsZh = {
  title: '重大项目',
  intro: (month: string): string =>
    `本县(市、区)登记的重大项目，按 ${month} 判断（上月：最近一期应报月份）；完成率 = 本年累计完成投资 ÷ 年度计划投资，与序时进度比较。`,
  none: '本县(市、区)尚未登记重大项目。',
  count: '项目数',
  planned: '年度计划投资(万元)',
  completed: '本年累计完成(万元)',
  completion: '完成率',
  schedule: '序时进度',
  gap: '与序时进度差(百分点)',
  behind: '落后于序时进度',
  onOrAhead: '达到或快于序时进度',
  unknown: '无年度计划, 不评价',
  lightsLabel: '红黄绿灯',
  flaggedTitle: '红灯、黄灯项目',
  flaggedNone: '没有红灯或黄灯项目。',
  colProject: '项目',
  colLight: '灯',
  colCompletion: '完成率',
  colGap: '差(百分点)',
  colWhy: '原因',
  more: (n: number, light: string): string => `另有 ${n} 个${light}项目`,
  openBoard: '在重大项目调度中查看 →',
  syntheticTag: '模拟数据',
  syntheticNote: '以下项目为生成的演示数据（模拟数据），不是真实项目。',
};

export type CountyProjectsMessages = typeof countyProjectsZh;

export const countyProjectsEn: CountyProjectsMessages = {
  title: 'Major projects',
  intro: (month: string): string =>
    `Major projects registered for this county, judged at ${month} (last month: the latest one due to be reported); completion = year-to-date investment ÷ annual plan, against the time-elapsed schedule.`,
  none: 'No projects registered for this county.',
  count: 'Projects',
  planned: 'Annual plan (10k yuan)',
  completed: 'Completed YTD (10k yuan)',
  completion: 'Completion',
  schedule: 'Schedule (time elapsed)',
  gap: 'Gap to schedule (points)',
  behind: 'Behind schedule',
  onOrAhead: 'On or ahead of schedule',
  unknown: 'No annual plan: not judged',
  lightsLabel: 'Lights',
  flaggedTitle: 'Red and yellow projects',
  flaggedNone: 'No red or yellow projects.',
  colProject: 'Project',
  colLight: 'Light',
  colCompletion: 'Completion',
  colGap: 'Gap (points)',
  colWhy: 'Why',
  more: (n: number, light: string): string => `${n} more ${light.toLowerCase()} project(s)`,
  openBoard: 'Open in the dispatch board →',
  syntheticTag: 'SYNTHETIC',
  syntheticNote: 'These projects are generated demo data (synthetic), not real projects.',
};

export function countyProjectsMessages(language: Language): CountyProjectsMessages {
  return language === 'en' ? countyProjectsEn : countyProjectsZh;
}
