import { Flex, IconButton, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConditionValueInput } from './condition-value-input';
import { OwnField } from './own-field';
import { operatorsFor, valueShape, type TestOperator } from './field-kinds';
import { withOperator, type ConditionTest } from './condition-model';
import type { FieldDefinition, FieldTypeInfo } from './types';

const OPERATOR_LABELS: Record<TestOperator, string> = {
  equals: 'equals',
  in: 'is one of',
  range: 'is between',
  empty: 'is empty',
  'not-empty': 'is not empty',
};

/** One test: which other field, how it is tested, and against what. */
export function ConditionTestRow({
  test,
  owner,
  fields,
  types,
  onChange,
  onRemove,
}: {
  test: ConditionTest;
  owner: string;
  fields: FieldDefinition[];
  types: FieldTypeInfo[];
  onChange: (t: ConditionTest) => void;
  onRemove: () => void;
}) {
  const tested = fields.find((f) => f.key === test.field);
  const shape = valueShape(tested, types);
  const operators = operatorsFor(shape);
  const pickField = (key: string) => {
    const next = operatorsFor(
      valueShape(
        fields.find((f) => f.key === key),
        types,
      ),
    );
    // another field's values rarely fit: keep only the operator, when it still applies
    onChange({ kind: 'test', field: key, operator: next.includes(test.operator) ? test.operator : 'not-empty' });
  };
  return (
    <Flex gap={2} alignItems="flex-start" wrap="wrap">
      <OwnField name="condition-field">
        <SingleSelect aria-label="field" value={test.field} onChange={(v: string | number) => pickField(String(v))} hasError={!tested}>
          {fields
            .filter((f) => f.key !== owner)
            .map((f) => (
              <SingleSelectOption key={f.key} value={f.key}>{`${f.key} · ${f.label?.en ?? ''}`}</SingleSelectOption>
            ))}
        </SingleSelect>
      </OwnField>
      <OwnField name="condition-test">
        <SingleSelect
          aria-label="test"
          value={test.operator}
          onChange={(v: string | number) => onChange(withOperator(test, v as TestOperator))}
        >
          {operators.map((op) => (
            <SingleSelectOption key={op} value={op}>
              {OPERATOR_LABELS[op]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </OwnField>
      <ConditionValueInput test={test} shape={shape} field={tested} onChange={onChange} />
      <IconButton label="Remove test" onClick={onRemove}>
        <Trash />
      </IconButton>
    </Flex>
  );
}
