import { Flex, Tabs, Typography } from '@strapi/design-system';
import { AccessEditor } from './access-editor';
import { AfterEditor, canBeAfter } from './after-editor';
import { ConditionEditor } from './condition-editor';
import { fieldRuleIssues, type RuleIssue } from './condition-check';
import type { FieldDefinition, FieldTypeInfo } from './types';

/** Sets or removes one optional property of a field definition (absent rather than undefined in the JSON). */
function withProperty<K extends 'access' | 'visibleWhen' | 'requiredWhen' | 'after'>(field: FieldDefinition, key: K, value: FieldDefinition[K]): FieldDefinition {
  const next = { ...field };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The field's rules on other fields and on roles: access, when it shows, when it is required, `after`. */
export function FieldRulesEditor({
  field,
  fields,
  types,
  roles,
  onChange,
}: {
  field: FieldDefinition;
  fields: FieldDefinition[];
  types: FieldTypeInfo[];
  roles: string[];
  onChange: (field: FieldDefinition) => void;
}) {
  const issues = fieldRuleIssues(field, fields, types);
  const at = (path: RuleIssue['path']) => issues.filter((i) => i.path === path).map((i) => i.message);
  const context = { owner: field.key, fields, types };
  const conditionIssues = issues.some((i) => i.path !== 'access');
  return (
    <Tabs.Root defaultValue="access">
      <Tabs.List aria-label="Field rules">
        {/* a tab whose rules have a problem says so in its name: the problem sits inside it */}
        <Tabs.Trigger value="access">{`Access${at('access').length ? ' ⚠' : ''}`}</Tabs.Trigger>
        <Tabs.Trigger value="conditions">{`Conditions${conditionIssues ? ' ⚠' : ''}`}</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="access">
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3}>
          <AccessEditor access={field.access} roles={roles} onChange={(access) => onChange(withProperty(field, 'access', access))} />
          {at('access').map((m) => (
            <Typography key={m} variant="pi" textColor="danger600">
              {m}
            </Typography>
          ))}
        </Flex>
      </Tabs.Content>
      <Tabs.Content value="conditions">
        <Flex direction="column" alignItems="stretch" gap={4} paddingTop={3}>
          <ConditionEditor
            {...context}
            title="Visible when"
            hint="Shown, and its value kept, only while this holds"
            condition={field.visibleWhen}
            issues={at('visibleWhen')}
            onChange={(c) => onChange(withProperty(field, 'visibleWhen', c))}
          />
          <ConditionEditor
            {...context}
            title="Required when"
            hint="Required while this holds (and the field is visible)"
            condition={field.requiredWhen}
            issues={at('requiredWhen')}
            onChange={(c) => onChange(withProperty(field, 'requiredWhen', c))}
          />
          {(canBeAfter(field, types) || field.after) && (
            <AfterEditor field={field} fields={fields} types={types} issues={at('after')} onChange={(after) => onChange(withProperty(field, 'after', after))} />
          )}
        </Flex>
      </Tabs.Content>
    </Tabs.Root>
  );
}
