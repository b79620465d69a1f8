import { Box, Button, Flex, IconButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { ConditionTestRow } from './condition-test-row';
import { OwnField } from './own-field';
import { fromCondition, newTest, toCondition, type ConditionGroup, type ConditionItem } from './condition-model';
import type { Condition, FieldDefinition, FieldTypeInfo } from './types';

interface Context {
  owner: string;
  fields: FieldDefinition[];
  types: FieldTypeInfo[];
}

/** Tests combined with all/any; a nested group is edited by the same component. */
function GroupEditor({
  group,
  context,
  onChange,
  onRemove,
}: {
  group: ConditionGroup;
  context: Context;
  onChange: (g: ConditionGroup) => void;
  onRemove?: () => void;
}) {
  const first = context.fields.find((f) => f.key !== context.owner)?.key ?? '';
  const setItem = (i: number, item: ConditionItem | null) =>
    onChange({ ...group, items: item ? group.items.map((x, j) => (j === i ? item : x)) : group.items.filter((_, j) => j !== i) });
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      padding={onRemove ? 3 : 0}
      hasRadius
      borderColor={onRemove ? 'neutral200' : undefined}
    >
      {(group.items.length > 1 || onRemove) && (
        <Flex gap={2}>
          <OwnField name="condition-combine">
            <SingleSelect
              aria-label="combine"
              value={group.combine}
              onChange={(v: string | number) => onChange({ ...group, combine: v as 'all' | 'any' })}
            >
              <SingleSelectOption value="all">all of these hold</SingleSelectOption>
              <SingleSelectOption value="any">any of these holds</SingleSelectOption>
            </SingleSelect>
          </OwnField>
          {onRemove && (
            <IconButton label="Remove group" onClick={onRemove}>
              <Trash />
            </IconButton>
          )}
        </Flex>
      )}
      {group.items.map((item, i) =>
        item.kind === 'test' ? (
          <ConditionTestRow key={i} test={item} {...context} onChange={(t) => setItem(i, t)} onRemove={() => setItem(i, null)} />
        ) : (
          <GroupEditor key={i} group={item} context={context} onChange={(g) => setItem(i, g)} onRemove={() => setItem(i, null)} />
        ),
      )}
      <Flex gap={2}>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<Plus />}
          disabled={!first}
          onClick={() => onChange({ ...group, items: [...group.items, newTest(first)] })}
        >
          Add a test
        </Button>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<Plus />}
          disabled={!first}
          onClick={() => onChange({ ...group, items: [...group.items, { kind: 'group', combine: 'any', items: [newTest(first)] }] })}
        >
          Add a group
        </Button>
      </Flex>
    </Flex>
  );
}

/**
 * `visibleWhen` or `requiredWhen` of one field: tests on the type's other fields, each with a
 * value input that fits the tested field. Every change is stored at once, so the preview follows.
 */
export function ConditionEditor({
  title,
  hint,
  condition,
  issues,
  onChange,
  ...context
}: Context & { title: string; hint: string; condition?: Condition; issues: string[]; onChange: (c?: Condition) => void }) {
  const group = fromCondition(condition) ?? { kind: 'group' as const, combine: 'all' as const, items: [] };
  return (
    <Box>
      <Typography variant="pi" fontWeight="bold">
        {title}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {group.items.length ? hint : `${hint} — always, until a test is added.`}
      </Typography>
      <Box paddingTop={2}>
        <GroupEditor group={group} context={context} onChange={(g) => onChange(toCondition(g))} />
      </Box>
      {issues.map((message) => (
        <Typography key={message} variant="pi" textColor="danger600" tag="p">
          {message}
        </Typography>
      ))}
    </Box>
  );
}
