import type { Core } from '@strapi/strapi';
import { builtinFieldTypes } from '../field-types/builtins';
import {
  buildFieldsMetaSchema,
  buildFormSchema,
  FieldDefinitionValidator,
  FieldTypeRegistry,
  type FieldDefinition,
  type FieldType,
  type FormSource,
  type Locale,
  type ParseContext,
} from '../field-types';
import type { TicketingConfig } from '../config';
import { requestLocale } from '../utils/locale';

/**
 * The field-type registry as a service. Built-ins are added when the service is first
 * created, so another plugin may call `register` from its own `register()` in any order.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = new FieldTypeRegistry();
  builtinFieldTypes.forEach((type) => registry.register(type));
  const validator = new FieldDefinitionValidator(registry);

  return {
    /** The registry itself, for code that validates many values (forms, imports). */
    registry,
    /** Adds a field type: the designer, schemas, validation, import, OCR and export pick it up. */
    register(type: FieldType) {
      registry.register(type);
    },
    get: (name: string) => registry.get(name),
    list: () => registry.list(),
    /** What the admin designer and API clients need to know of a type: its rules, filters and examples. */
    describe: () =>
      registry.list().map(({ name, label, rulesSchema, valueKind, filterInput, freeText, examples }) => ({
        name,
        label,
        rulesSchema,
        operators: valueKind.operators,
        sortable: valueKind.sortable,
        filterInput,
        freeText,
        examples,
      })),
    /** A message in `locale` when a canonical value breaks its field's rules; null when it keeps them. */
    check: (field: FieldDefinition, value: unknown, locale: Locale) => registry.check(field, value, locale),
    /** A canonical value as people read it (option labels, wall-clock times), in `locale`. */
    format: (field: FieldDefinition, value: unknown, locale: Locale) => registry.require(field.type).format(value, field, locale),
    metaSchema: () => buildFieldsMetaSchema(registry),
    /** Problems with a `fields` list; empty when it is valid. */
    validateFields: (fields: unknown) => validator.validate(fields),
    /** The form of `source` in `locale`; with `role`, as that role may see it (undefined: every field, writable). */
    formSchema: (source: FormSource, locale: Locale, role?: string | null) => buildFormSchema(source, locale, registry, role),
    /** The locale a request asks for (`?locale=`, else Accept-Language, else zh-CN); an unknown one is a 400. */
    requestLocale: (query: Record<string, unknown>, acceptLanguage?: string): Locale => requestLocale(query, acceptLanguage),
    parseContext(): ParseContext {
      const config = strapi.config.get('plugin::ticketing') as TicketingConfig;
      return { timeZone: config.timeZone };
    },
  };
};
