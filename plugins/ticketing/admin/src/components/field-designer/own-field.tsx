import { Field } from '@strapi/design-system';

/**
 * A field context of its own for an input named by its aria-label alone. Without it the input
 * takes the designer's outer "Form fields" context: that label (which wins over aria-label),
 * its form name and its required flag.
 */
export function OwnField({ name, children }: { name: string; children: React.ReactNode }) {
  return <Field.Root name={name}>{children}</Field.Root>;
}
