import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import maintenance from '../../../../test/maintenance-schema.json';
import { bsFaultSchema } from '../../../../test/schemas';
import { renderWithProviders } from '../../../../test/render';
import type { TypeSchema } from '../../../../services/schema-types';
import { TicketSchemaForm } from './ticket-schema-form';

const maintenanceSchema = maintenance as unknown as TypeSchema;
const routine = {
  site_name: '浦东1号',
  work_type: 'power_maintenance',
  start_at: '2026-12-01T10:00:00+08:00',
  end_at: '2026-12-01T12:00:00+08:00',
  impact: 'none',
};

function renderForm(typeSchema: TypeSchema, form: Record<string, unknown>) {
  const onSubmit = vi.fn();
  const onChange = vi.fn();
  const view = renderWithProviders(
    <TicketSchemaForm
      typeSchema={typeSchema}
      form={form}
      context={{ photos: [] }}
      extraErrors={{}}
      readonly={false}
      disabled={false}
      onChange={onChange}
      onSubmit={onSubmit}
    >
      <button type="submit">save</button>
    </TicketSchemaForm>,
  );
  return { ...view, onSubmit, onChange };
}

describe('the generated form follows the field rules of the served schema', () => {
  it('shows a conditional field only while its condition holds', () => {
    const routineForm = renderForm(maintenanceSchema, routine).container;
    expect(routineForm.querySelector('#root_outage_minutes')).toBeNull();
    expect(routineForm.querySelector('#root_work_detail')).toBeNull();
    expect(routineForm.querySelector('#root_approver_phone')).not.toBeNull();
    routineForm.remove();
    const outage = renderForm(maintenanceSchema, { ...routine, impact: 'outage', work_type: 'other' }).container;
    expect(outage.querySelector('#root_outage_minutes')).not.toBeNull();
    expect(outage.querySelector('#root_work_detail')).not.toBeNull();
  });

  it("drops a hidden field's value as soon as the form changes, and never submits it", () => {
    const { container, onChange, onSubmit } = renderForm(maintenanceSchema, { ...routine, outage_minutes: 30 });
    fireEvent.change(container.querySelector('#root_site_name')!, { target: { value: '浦东2号' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...routine, site_name: '浦东2号' });
    fireEvent.click(screen.getByText('save'));
    expect(onSubmit).toHaveBeenCalledWith({ ...routine, site_name: '浦东2号' });
  });

  it('requires the outage minutes and the approver once the impact is an outage, under their fields', () => {
    const { container, onSubmit } = renderForm(maintenanceSchema, { ...routine, impact: 'outage' });
    fireEvent.click(screen.getByText('save'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(container.querySelector('#root_outage_minutes__error')?.textContent).toContain('必填');
    expect(container.querySelector('#root_approver_phone__error')?.textContent).toContain('必填');
    expect(container.querySelector('#root_site_name__error')).toBeNull();
  });

  it('refuses an end before the start under the end, naming the start', () => {
    const { container, onSubmit } = renderForm(maintenanceSchema, { ...routine, end_at: '2026-12-01T09:00:00+08:00' });
    fireEvent.click(screen.getByText('save'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(container.querySelector('#root_end_at__error')?.textContent).toContain('必须晚于开始时间');
    expect(container.querySelector('#root_start_at__error')).toBeNull();
  });

  it('shows a field the role may not change read-only, and the others editable', () => {
    const handlerView: TypeSchema = {
      ...bsFaultSchema,
      schema: {
        ...bsFaultSchema.schema,
        properties: { ...bsFaultSchema.schema.properties, severity: { ...bsFaultSchema.schema.properties.severity, readOnly: true } },
      },
      uiSchema: { ...bsFaultSchema.uiSchema, severity: { 'ui:readonly': true } },
    };
    const form = { site_name: '张江01', gnb_id: 1, pci: 387, severity: 'critical', occurred_at: '2026-11-30T00:15:00.000Z' };
    const { container } = renderForm(handlerView, form);
    const severity = container.querySelector('#root_severity')!.closest('.ant-select');
    expect(severity?.className).toContain('ant-select-disabled');
    expect(container.querySelector<HTMLInputElement>('#root_pci')?.disabled || container.querySelector<HTMLInputElement>('#root_pci')?.readOnly).toBe(false);
  });
});
