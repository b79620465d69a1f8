import { Templates } from '@rjsf/antd';
import type { FieldTemplateProps, ObjectFieldTemplatePropertyType, ObjectFieldTemplateProps } from '@rjsf/utils';

const AntdFieldTemplate = Templates.FieldTemplate!;

const GRID = { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 24 } as const;
const WHOLE_ROW = { gridColumn: '1 / -1' } as const;

/** Text areas, lists and nested objects take a whole row, as in @rjsf/antd's layout; the rest half of one. */
function takesWholeRow(property: ObjectFieldTemplatePropertyType, count: number): boolean {
  const { schema, uiSchema } = property.content.props as { schema?: { type?: unknown }; uiSchema?: Record<string, unknown> };
  return count < 2 || schema?.type === 'object' || schema?.type === 'array' || uiSchema?.['ui:widget'] === 'textarea';
}

/**
 * The form's fields in two columns, laid out by CSS grid instead of antd's Row/Col: RJSF renders
 * this template again on every keystroke, and 60 antd columns (each reading the theme and the
 * screen size) cost more than the one field that changed. Each field itself is memoised by RJSF.
 */
export function TicketFieldsTemplate({ fieldPathId, properties }: ObjectFieldTemplateProps) {
  const shown = properties.filter((property) => !property.hidden);
  return (
    <fieldset id={fieldPathId.$id} style={GRID}>
      {shown.map((property) => (
        <div key={property.name} style={takesWholeRow(property, shown.length) ? WHOLE_ROW : undefined}>
          {property.content}
        </div>
      ))}
    </fieldset>
  );
}

/**
 * antd's field frame (Form.Item: label, help, status) for every field but the form's root
 * object, which has no label of its own: an antd Form.Item around it would render again, with
 * its grid and style hooks, on every keystroke for nothing.
 */
export function TicketFieldTemplate(props: FieldTemplateProps) {
  return props.fieldPathId.path.length === 0 ? <>{props.children}</> : <AntdFieldTemplate {...props} />;
}
