import type { NotificationKind } from '../events/kinds';
import type { Language } from '../preferences/preference-rules';
import { TEXTS } from './texts';

/** What a stored notification says of its ticket and the happening; e-mails are written from it. */
export interface NotificationContent {
  kind: NotificationKind;
  ticket: { id: string; title: string; type: string; status: string };
  /** Kind-specific: `actor`; `from`/`to` (statuses); `note` (text); `clock`/`dueAt`. */
  params: Record<string, string | null>;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// a header value is one line: the title comes from a form
const oneLine = (s: string) => [...s].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c)).join('').replace(/ {2,}/g, ' ').trim();

/** `2026-12-07T14:00:00.000+08:00` → `2026-12-07 14:00 +08:00`; anything else as it is. */
export const readableTime = (iso: string | null) => {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/.exec(iso ?? '');
  return m ? `${m[1]} ${m[2]}${m[3] ? ` ${m[3]}` : ''}` : (iso ?? '');
};

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Where the portal shows the ticket. */
export const ticketLink = (portalUrl: string, ticketId: string) => `${portalUrl.replace(/\/+$/, '')}/tickets/${encodeURIComponent(ticketId)}`;

/**
 * The e-mail of a notification in `language`: a subject, a plain-text body and the same as
 * simple HTML (every value escaped; a note keeps its line breaks), each with the ticket's link.
 */
export function composeEmail(content: NotificationContent, language: Language, portalUrl: string): EmailMessage {
  const t = TEXTS[language];
  const { params } = content;
  const values = {
    title: oneLine(content.ticket.title),
    actor: params.actor || t.someone,
    from: t.status[params.from ?? ''] ?? params.from ?? '',
    to: t.status[params.to ?? ''] ?? params.to ?? '',
    clock: t.clock[params.clock ?? ''] ?? params.clock ?? '',
    dueAt: readableTime(params.dueAt),
  };
  const subject = `[${t.product}] ${fill(t.subject[content.kind], values)}`;
  const line = fill(t.line[content.kind], values);
  const link = ticketLink(portalUrl, content.ticket.id);
  const note = content.kind === 'noted' && params.note ? params.note : null;

  const text = [line, ...(note ? [`${t.noteHeading}\n${note}`] : []), `${t.open}${link}`, '--', t.footer].join('\n\n') + '\n';
  const paragraphs = [
    `<p>${escapeHtml(line)}</p>`,
    ...(note ? [`<p>${escapeHtml(t.noteHeading)}</p><blockquote>${escapeHtml(note).replace(/\r?\n/g, '<br>')}</blockquote>`] : []),
    `<p>${escapeHtml(t.open)}<a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p style="color:#888">${escapeHtml(t.footer)}</p>`,
  ];
  const html = `<!doctype html><html lang="${language}"><body>${paragraphs.join('\n')}</body></html>`;
  return { subject: oneLine(subject), text, html };
}
