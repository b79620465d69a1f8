import { Checkbox, Flex, Typography } from '@strapi/design-system';
import { fromAccess, restrict, toAccess, toggle, type AccessRight } from './access-model';
import type { FieldAccess } from './types';

const RIGHTS: { right: AccessRight; title: string; matrix: string }[] = [
  { right: 'read', title: 'Who may read', matrix: 'every role holding tickets.read' },
  { right: 'write', title: 'Who may write', matrix: 'every role holding tickets.update or tickets.create' },
];

/**
 * Per field: the roles that may read and write it. Unrestricted, a right follows the type-level
 * matrix of config/roles.yaml; restricted, only the ticked roles (which still need the ticket
 * routes' rights) have it.
 */
export function AccessEditor({ access, roles, onChange }: { access?: FieldAccess; roles: string[]; onChange: (access?: FieldAccess) => void }) {
  const state = fromAccess(access);
  // roles stored on the field that no longer exist stay visible, so they can be unticked
  const shown = [...new Set([...roles, ...(state.read ?? []), ...(state.write ?? [])])];
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {RIGHTS.map(({ right, title, matrix }) => {
        const list = state[right];
        const start = right === 'write' && state.read ? state.read : shown;
        return (
          <Flex key={right} direction="column" alignItems="stretch" gap={2}>
            <Typography variant="pi" fontWeight="bold">
              {title}
            </Typography>
            <Checkbox checked={list !== null} onCheckedChange={(c: boolean | 'indeterminate') => onChange(toAccess(restrict(state, right, c === true ? start : null)))}>
              {`Only the roles ticked below (otherwise: ${matrix})`}
            </Checkbox>
            {list !== null && (
              <Flex gap={4} wrap="wrap" paddingLeft={6}>
                {shown.map((role) => (
                  <Checkbox
                    key={role}
                    name={`${right}-${role}`}
                    checked={list.includes(role)}
                    onCheckedChange={(c: boolean | 'indeterminate') => onChange(toAccess(toggle(state, right, role, c === true)))}
                  >
                    {role}
                  </Checkbox>
                ))}
              </Flex>
            )}
          </Flex>
        );
      })}
      <Typography variant="pi" textColor="neutral600">
        A role that may not read the field may not write it either; unticking read takes write too.
      </Typography>
    </Flex>
  );
}
