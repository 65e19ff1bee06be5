/** Texts of 月度通报. zh-CN is the source; English has the same shape. */
import type { Language } from '../i18n/messages';

const zh = {
  title: '月度通报',
  intro:
    '按月生成三大差距工作通报：主要指标、目标进展、县域排名、预警与项目调度。数据截至所选月份最后一天；已发布的通报按发布时的内容保存。',
  month: '月份',
  published: (by: string, at: string) => `已发布：${by}，${at}`,
  preview: '预览（未发布）',
  downloadDocx: '下载 Word',
  downloadXlsx: '下载 Excel',
  openHtml: '打印版',
  publish: '发布',
  publishing: '发布中…',
  confirmPublish: (month: string) => `发布 ${month} 的月度通报？发布后内容固定，不再随数据变化。`,
  synthetic: '本期通报含模拟数据（synthetic），仅供演示。',
  loading: '正在生成…',
  previewFrame: '通报预览',
  hash: '内容校验值',
  publishedList: '已发布',
  none: '尚无已发布的通报',
};

export type BulletinsMessages = typeof zh;

const en: BulletinsMessages = {
  title: 'Monthly bulletin',
  intro:
    'The monthly bulletin on the three gaps: headline indicators, targets, county league table, warnings and project dispatch. Figures are as of the last day of the month; a published bulletin keeps the content it was published with.',
  month: 'Month',
  published: (by, at) => `Published by ${by} at ${at}`,
  preview: 'Preview (not published)',
  downloadDocx: 'Download Word',
  downloadXlsx: 'Download Excel',
  openHtml: 'Printable page',
  publish: 'Publish',
  publishing: 'Publishing…',
  confirmPublish: (month) => `Publish the bulletin of ${month}? Its content is then fixed.`,
  synthetic: 'This bulletin contains synthetic data (模拟数据), for demonstration only.',
  loading: 'Generating…',
  previewFrame: 'Bulletin preview',
  hash: 'Content hash',
  publishedList: 'Published',
  none: 'No bulletin published yet',
};

export function bulletinsMessages(language: Language): BulletinsMessages {
  return language === 'en' ? en : zh;
}
