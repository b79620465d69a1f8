import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { errorFromResponse } from '../../../../api/api-error';
import { bsFaultSchema, siteSurveySchema } from '../../../../test/schemas';
import { renderWithProviders } from '../../../../test/render';
import { mapServerErrors } from './server-errors';
import type { Photo } from '../photos/photo-types';
import { TicketSchemaForm } from './ticket-schema-form';

const valid = { site_name: '张江01', gnb_id: 1, pci: 387, severity: 'critical', occurred_at: '2026-11-30T00:15:00.000Z' };

function renderForm(props: Partial<Parameters<typeof TicketSchemaForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const onChange = vi.fn();
  const view = renderWithProviders(
    <TicketSchemaForm
      typeSchema={bsFaultSchema}
      form={valid}
      context={{ photos: [] }}
      extraErrors={{}}
      readonly={false}
      disabled={false}
      onChange={onChange}
      onSubmit={onSubmit}
      {...props}
    >
      <button type="submit">save</button>
    </TicketSchemaForm>,
  );
  return { ...view, onSubmit, onChange };
}

describe('the generated ticket form', () => {
  it('shows a server 400 under the field it names', () => {
    const error = errorFromResponse(
      400,
      JSON.stringify({
        error: {
          status: 400,
          name: 'ValidationError',
          message: '表单有误',
          details: { errors: [{ field: 'pci', label: '物理小区标识', message: '与现网小区冲突' }] },
        },
      }),
    );
    const { container } = renderForm({ extraErrors: mapServerErrors(error, Object.keys(bsFaultSchema.schema.properties)).errorSchema });
    expect(container.querySelector('#root_pci__error')?.textContent).toContain('与现网小区冲突');
    expect(container.querySelector('#root_site_name__error')).toBeNull();
  });

  it('refuses an out-of-range PCI in the browser, in Chinese, without submitting', () => {
    const { container, onSubmit } = renderForm({ form: { ...valid, pci: 2000 } });
    fireEvent.click(screen.getByText('save'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(container.querySelector('#root_pci__error')?.textContent).toContain('应当为 <= 1007');
  });

  it('submits a valid form as it is, without values for choices nobody made', () => {
    const { onSubmit } = renderForm();
    fireEvent.click(screen.getByText('save'));
    expect(onSubmit).toHaveBeenCalledWith(valid);
  });

  it("picks an images field's photos from the ticket's own, kept in the ticket's order", () => {
    const photo = (id: string): Photo => ({
      id,
      name: `${id}.jpg`,
      mime: 'image/jpeg',
      size: 1,
      width: 1,
      height: 1,
      gps: null,
      url: `https://s3.example/${id}.jpg`,
      thumbnailUrl: `https://s3.example/${id}-thumb.webp`,
      uploadedAt: '2026-11-30T00:00:00Z',
      uploadedBy: 'wang',
    });
    const form = { site_name: '漕河泾', survey_date: '2026-11-30' };
    const { container, onChange } = renderForm({ typeSchema: siteSurveySchema, form, context: { photos: ['p1', 'p2', 'p3'].map(photo) } });
    const boxes = container.querySelectorAll<HTMLInputElement>('[data-testid=images-field-photos] input[type=checkbox]');
    expect(boxes).toHaveLength(3);
    fireEvent.click(boxes[2]);
    expect(onChange).toHaveBeenLastCalledWith({ ...form, photos: ['p3'] });
  });
});
