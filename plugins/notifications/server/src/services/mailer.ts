import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { NotificationsConfig } from '../config';
import { composeEmail, type NotificationContent } from '../messages/email';
import type { Language } from '../preferences/preference-rules';

interface EmailService {
  send(options: { to: string; subject: string; text: string; html: string; headers?: Record<string, string> }): Promise<unknown>;
}

/** Mails a notification through Strapi's email plugin (the nodemailer provider, SMTP_* in env). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(to: string, content: NotificationContent, language: Language, key: string) {
    const { portalUrl } = strapi.config.get('plugin::notifications') as NotificationsConfig;
    const message = composeEmail(content, language, portalUrl);
    // the same delivery always has the same Message-ID: a mail client shows a resend (after a crash between send and mark) once
    const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@notifications.5g-ticketing>`;
    await (strapi.plugin('email').service('email') as EmailService).send({
      to,
      ...message,
      headers: { 'Message-ID': messageId, 'Content-Language': language, 'X-Notification-Kind': content.kind },
    });
  },
});
