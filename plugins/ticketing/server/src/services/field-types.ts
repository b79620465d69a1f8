import type { Core } from '@strapi/strapi';
import { builtinFieldTypes } from '../field-types/builtins';
import {
  buildFieldsMetaSchema,
  buildFormSchema,
  FieldDefinitionValidator,
  FieldTypeRegistry,
  type FieldType,
  type FormSource,
  type Locale,
  type ParseContext,
} from '../field-types';
import type { TicketingConfig } from '../config';

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
    /** What the admin designer needs to offer a type: its name, labels and rule shape. */
    describe: () => registry.list().map(({ name, label, rulesSchema }) => ({ name, label, rulesSchema })),
    metaSchema: () => buildFieldsMetaSchema(registry),
    /** Problems with a `fields` list; empty when it is valid. */
    validateFields: (fields: unknown) => validator.validate(fields),
    formSchema: (source: FormSource, locale: Locale) => buildFormSchema(source, locale, registry),
    parseContext(): ParseContext {
      const config = strapi.config.get('plugin::ticketing') as TicketingConfig;
      return { timeZone: config.timeZone };
    },
  };
};
