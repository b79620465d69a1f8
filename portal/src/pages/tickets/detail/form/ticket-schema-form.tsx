import { useMemo, type ReactNode } from 'react';
import { generateForm } from '@rjsf/antd';
import type { ErrorSchema, RegistryFieldsType, RJSFSchema, TemplatesType, UiSchema } from '@rjsf/utils';
import { useLocale } from '../../../../i18n/locale-provider';
import type { FormValues } from '../../../../services/ticket';
import { fieldSchemasOf, type TypeSchema } from '../../../../services/schema-types';
import { PHOTO_PICKER_FIELD } from '../../../../services/ui-fields';
import type { TicketFormContext } from './form-context';
import { localizeErrors, validatorFor } from './validation-messages';
import { ImagesField } from './images-field';
import { TicketFieldsTemplate, TicketFieldTemplate } from './layout-templates';
import { useRjsfFormData } from './rjsf-form-data';
import { UnclampedInputTemplate } from './unclamped-input';

const Form = generateForm<FormValues, RJSFSchema, TicketFormContext>();
const FIELDS: RegistryFieldsType = { [PHOTO_PICKER_FIELD]: ImagesField };
const TEMPLATES: Partial<TemplatesType<FormValues, RJSFSchema, TicketFormContext>> = {
  BaseInputTemplate: UnclampedInputTemplate,
  ObjectFieldTemplate: TicketFieldsTemplate,
  FieldTemplate: TicketFieldTemplate,
};
// an enum is a `oneOf` of `const`s: RJSF would otherwise fill every empty choice with the first
// option's const, inventing values the user never picked
const DEFAULTS = { constAsDefaults: 'never', emptyObjectFields: 'skipDefaults' } as const;

interface Props {
  typeSchema: TypeSchema;
  form: FormValues;
  context: TicketFormContext;
  extraErrors: ErrorSchema;
  readonly: boolean;
  disabled: boolean;
  onChange: (form: FormValues) => void;
  onSubmit: (form: FormValues) => void;
  children: ReactNode;
}

/**
 * The ticket form generated from the type's JSON Schema (@rjsf/antd). The client validates with
 * the same schema the server uses, its messages in the UI language; server errors arrive as `extraErrors` under their fields.
 */
export function TicketSchemaForm({ typeSchema, form, context, extraErrors, readonly, disabled, onChange, onSubmit, children }: Props) {
  const { locale } = useLocale();
  // the page header shows the type's title and description; one object per answer, so that
  // RJSF's per-schema caches hold across renders
  const schema = useMemo(() => ({ ...typeSchema.schema, title: undefined, description: undefined }) as RJSFSchema, [typeSchema.schema]);
  const fields = useMemo(() => fieldSchemasOf(typeSchema.schema), [typeSchema.schema]);
  const given = useRjsfFormData(form);
  return (
    <Form
      key={given.generation}
      schema={schema}
      uiSchema={typeSchema.uiSchema as UiSchema<FormValues, RJSFSchema, TicketFormContext>}
      validator={validatorFor<FormValues, TicketFormContext>(locale)}
      formData={given.formData}
      formContext={context}
      fields={FIELDS as RegistryFieldsType<FormValues, RJSFSchema, TicketFormContext>}
      templates={TEMPLATES}
      extraErrors={extraErrors}
      transformErrors={(errors) => localizeErrors(errors, locale, fields)}
      showErrorList={false}
      focusOnFirstError
      experimental_defaultFormStateBehavior={DEFAULTS}
      className="ticket-form"
      noHtml5Validate
      // a field hidden by its condition loses its value at once, as the server drops it on save
      omitExtraData
      liveOmit="onChange"
      readonly={readonly}
      disabled={disabled}
      onChange={(event) => {
        const values = event.formData ?? {};
        given.emit(values);
        onChange(values);
      }}
      onSubmit={(event) => onSubmit(event.formData ?? {})}
    >
      {children}
    </Form>
  );
}
