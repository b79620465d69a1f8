import type { NotificationKind } from '../events/kinds';
import type { Language } from '../preferences/preference-rules';

/** The words of one language: a subject and an opening line per kind, and the shared parts. */
export interface Texts {
  product: string;
  subject: Record<NotificationKind, string>;
  line: Record<NotificationKind, string>;
  noteHeading: string;
  open: string;
  footer: string;
  someone: string;
  status: Record<string, string>;
  clock: Record<string, string>;
}

// {placeholders} are filled by messages/email.ts; the status words are the portal's
export const TEXTS: Record<Language, Texts> = {
  'zh-CN': {
    product: '5G工单',
    subject: {
      assigned: '工单已分配给您：{title}',
      noted: '您的工单有新备注：{title}',
      sla_warning: 'SLA 即将超时：{title}',
      sla_breached: 'SLA 已超时：{title}',
      transitioned: '您的工单状态已变更：{title}',
    },
    line: {
      assigned: '{actor} 将工单「{title}」分配给了您。',
      noted: '{actor} 在工单「{title}」上添加了备注。',
      sla_warning: '工单「{title}」的{clock}时限将于 {dueAt} 到期。',
      sla_breached: '工单「{title}」的{clock}时限已于 {dueAt} 超时。',
      transitioned: '{actor} 将工单「{title}」从「{from}」改为「{to}」。',
    },
    noteHeading: '备注：',
    open: '查看工单：',
    footer: '您可以在门户的通知设置中更改提醒方式。',
    someone: '系统',
    status: { draft: '草稿', submitted: '已提交', in_progress: '处理中', resolved: '已解决', closed: '已关闭', rejected: '已驳回' },
    clock: { response: '响应', resolution: '解决' },
  },
  en: {
    product: '5G Ticketing',
    subject: {
      assigned: 'Assigned to you: {title}',
      noted: 'New note on your ticket: {title}',
      sla_warning: 'SLA due soon: {title}',
      sla_breached: 'SLA breached: {title}',
      transitioned: 'Your ticket moved: {title}',
    },
    line: {
      assigned: '{actor} assigned the ticket "{title}" to you.',
      noted: '{actor} added a note to the ticket "{title}".',
      sla_warning: 'The {clock} target of the ticket "{title}" is due at {dueAt}.',
      sla_breached: 'The {clock} target of the ticket "{title}" was due at {dueAt} and is breached.',
      transitioned: '{actor} moved the ticket "{title}" from {from} to {to}.',
    },
    noteHeading: 'Note:',
    open: 'Open the ticket: ',
    footer: "Change how you are notified in the portal's notification settings.",
    someone: 'The system',
    status: { draft: 'Draft', submitted: 'Submitted', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed', rejected: 'Rejected' },
    clock: { response: 'response', resolution: 'resolution' },
  },
};
