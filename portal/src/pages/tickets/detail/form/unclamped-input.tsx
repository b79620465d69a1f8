import { Templates } from '@rjsf/antd';
import type { BaseInputTemplateProps } from '@rjsf/utils';

const AntdBaseInput = Templates.BaseInputTemplate!;

/**
 * The antd input template without the schema's `minimum`/`maximum` on its InputNumber: antd
 * clamps an out-of-range number silently on blur (a PCI of 2000 became 1007), so the user's
 * value stays as typed and the schema validation names the problem instead.
 */
export function UnclampedInputTemplate(props: BaseInputTemplateProps) {
  return <AntdBaseInput {...props} schema={{ ...props.schema, minimum: undefined, maximum: undefined }} />;
}
