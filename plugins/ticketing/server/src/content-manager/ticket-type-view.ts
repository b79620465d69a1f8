import type { Core } from '@strapi/strapi';
import { TICKET_TYPE_UID } from '../constants';

/** What the Content Manager's edit and list views call each ticket-type attribute, and what it means. */
export const TICKET_TYPE_ATTRIBUTE_TEXTS: Record<string, { label: string; description: string }> = {
  key: { label: 'Key · 类型标识', description: 'Names the type in URLs and the API: lower case, digits and dashes. It cannot change once saved.' },
  nameZh: { label: 'Name (Chinese) · 中文名称', description: 'What handlers see in the portal in Chinese.' },
  nameEn: { label: 'Name (English) · 英文名称', description: 'What handlers see in the portal in English.' },
  description: { label: 'Description · 说明', description: 'What tickets of this type are for (optional).' },
  fields: { label: 'Form fields · 表单字段', description: 'The form of this type: add, order and configure its fields; who may read and write each, when it shows and when it is required; the preview shows the form as any role gets it.' },
  version: { label: 'Version · 版本', description: 'Raised by every change of the fields; each ticket keeps the version it was written with.' },
  active: { label: 'Active · 启用', description: 'Inactive types are hidden from the portal and take no new tickets.' },
};

interface AttributeMetadata {
  edit?: { label?: string; description?: string };
  list?: { label?: string };
}

interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<{ metadatas?: Record<string, AttributeMetadata> }>;
  updateConfiguration(contentType: { uid: string }, configuration: { metadatas: Record<string, AttributeMetadata> }): Promise<unknown>;
}

/**
 * Gives the ticket-type views labels and descriptions instead of raw attribute names. Only
 * labels still at Strapi's default (the attribute name) are set, so an admin's own wording
 * from "Configure the view" survives restarts.
 */
export async function labelTicketTypeView(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager')?.service('content-types') as ContentTypesService | undefined;
  if (!contentTypes) return;
  const contentType = { uid: TICKET_TYPE_UID };
  const { metadatas = {} } = await contentTypes.findConfiguration(contentType);
  const updated: Record<string, AttributeMetadata> = {};
  for (const [attribute, text] of Object.entries(TICKET_TYPE_ATTRIBUTE_TEXTS)) {
    const current = metadatas[attribute] ?? {};
    const atDefault = (label: string | undefined) => !label || label === attribute;
    if (!atDefault(current.edit?.label) && !atDefault(current.list?.label)) continue;
    updated[attribute] = {
      ...current,
      edit: atDefault(current.edit?.label) ? { ...current.edit, label: text.label, description: text.description } : current.edit,
      list: atDefault(current.list?.label) ? { ...current.list, label: text.label } : current.list,
    };
  }
  if (Object.keys(updated).length) await contentTypes.updateConfiguration(contentType, { metadatas: { ...metadatas, ...updated } });
}
