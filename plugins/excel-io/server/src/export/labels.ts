import type { Locale } from './ticketing-slice';

/**
 * The words an export writes besides field labels, in each platform locale: the ticket's own
 * columns, its states (the server keeps no state labels of its own: the portal has the same
 * words), and the report's captions.
 */
export const META_HEADERS: Record<'id' | 'status' | 'creator' | 'createdAt' | 'updatedAt', Record<Locale, string>> = {
  id: { 'zh-CN': '工单编号', en: 'Ticket ID' },
  status: { 'zh-CN': '工单状态', en: 'Status' },
  creator: { 'zh-CN': '创建人', en: 'Created by' },
  createdAt: { 'zh-CN': '创建于', en: 'Created at' },
  updatedAt: { 'zh-CN': '更新于', en: 'Updated at' },
};

export const STATE_LABELS: Record<string, Record<Locale, string>> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  resolved: { 'zh-CN': '已解决', en: 'Resolved' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
};

export const stateLabel = (state: string, locale: Locale) => STATE_LABELS[state]?.[locale] ?? state;

/** The Word report's fixed texts. */
export const REPORT_TEXT: Record<Locale, Record<'title' | 'filters' | 'noFilters' | 'count' | 'exportedAt' | 'exportedBy' | 'form' | 'photos' | 'history' | 'noHistory' | 'field' | 'value' | 'when' | 'who' | 'what' | 'page', string>> = {
  'zh-CN': {
    title: '工单报告', filters: '筛选条件', noFilters: '无（全部工单）', count: '工单数', exportedAt: '导出时间', exportedBy: '导出人',
    form: '表单', photos: '照片', history: '处理记录', noHistory: '无记录', field: '字段', value: '值', when: '时间', who: '操作人', what: '变更', page: '第',
  },
  en: {
    title: 'Ticket report', filters: 'Filters', noFilters: 'none (all tickets)', count: 'Tickets', exportedAt: 'Exported at', exportedBy: 'Exported by',
    form: 'Form', photos: 'Photos', history: 'History', noHistory: 'no entries', field: 'Field', value: 'Value', when: 'When', who: 'Who', what: 'Changes', page: 'Page',
  },
};
