import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { bsFaultSchema, siteSurveySchema } from '../../../../test/schemas';
import { renderWithProviders } from '../../../../test/render';
import { filterSpecs } from '../field-filters';
import { FieldFilters } from './field-filters';

const inputIn = (testId: string) => screen.getByTestId(testId).querySelector('input') as HTMLInputElement;

describe('the field filters', () => {
  it("renders the control each field's input names, labelled by the schema", () => {
    renderWithProviders(<FieldFilters specs={filterSpecs(siteSurveySchema)} filters={{ needs_power: { eq: 'true' } }} onChange={vi.fn()} />);
    expect(screen.getByText('Site name')).toBeTruthy();
    expect(inputIn('filter-site_name').placeholder).toBe('包含');
    // a day range: two date inputs (antd's range picker puts the test id on both)
    expect(screen.getAllByTestId('filter-survey_date').map((input) => (input as HTMLInputElement).placeholder)).toEqual(['开始', '结束']);
    // yes/no shows the chosen answer; the photos have no control
    expect(screen.getByTestId('filter-needs_power').textContent).toContain('是');
    expect(screen.getByTestId('filter-tags')).toBeTruthy();
    expect(screen.queryByTestId('filter-photos')).toBeNull();
  });

  it('writes a search on Enter, and each bound of a range as the number typed', () => {
    const onChange = vi.fn();
    renderWithProviders(<FieldFilters specs={filterSpecs(bsFaultSchema)} filters={{}} onChange={onChange} />);
    fireEvent.change(inputIn('filter-site_name'), { target: { value: '张江' } });
    fireEvent.keyDown(inputIn('filter-site_name'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(onChange).toHaveBeenLastCalledWith('site_name', { contains: '张江' });

    fireEvent.change(inputIn('filter-pci-min'), { target: { value: '300' } });
    fireEvent.blur(inputIn('filter-pci-min'));
    expect(onChange).toHaveBeenLastCalledWith('pci', { gte: '300' });

    fireEvent.change(inputIn('filter-longitude-max'), { target: { value: '121.5' } });
    fireEvent.blur(inputIn('filter-longitude-max'));
    expect(onChange).toHaveBeenLastCalledWith('longitude', { lte: '121.5' });
  });
});
