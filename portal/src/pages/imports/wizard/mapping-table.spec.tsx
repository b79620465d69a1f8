import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { mappingRows } from '../import-mapping';
import type { PreviewColumn } from '../import-types';
import { MappingTable } from './mapping-table';

const columns: PreviewColumn[] = [
  { index: 0, letter: 'A', header: '站点名称', field: 'site_name', score: 1, source: 'exact', suggestion: { field: 'site_name', score: 1 } },
  { index: 1, letter: 'B', header: 'PCl', field: null, score: 0, source: 'none', suggestion: { field: 'pci', score: 0.6 } },
  { index: 2, letter: 'C', header: 'Severty', field: 'severity', score: 0.77, source: 'fuzzy', suggestion: null },
];
const fields = [
  { value: 'site_name', label: '站点名称' },
  { value: 'pci', label: '物理小区标识' },
  { value: 'severity', label: '严重程度' },
];

describe('MappingTable', () => {
  it('lists every column with its field, confidence and source, and names the required fields unmapped', () => {
    const rows = mappingRows(columns, { 站点名称: 'site_name', PCl: null, Severty: 'severity' });
    renderWithProviders(<MappingTable rows={rows} fields={fields} missing={['物理小区标识']} checking={false} onChange={vi.fn()} onRecheck={vi.fn()} />);
    const lines = screen.getByTestId('mapping-table').querySelectorAll('tbody tr.ant-table-row');
    expect(lines).toHaveLength(3);
    expect(lines[0].textContent).toContain('A · 站点名称');
    expect(lines[0].textContent).toContain('100%');
    expect(lines[0].textContent).toContain('名称一致');
    expect(lines[1].textContent).toContain('（不导入）');
    expect(lines[1].textContent).toContain('建议：物理小区标识');
    expect(lines[2].textContent).toContain('77%');
    expect(lines[2].textContent).toContain('近似拼写');
    expect(screen.getByTestId('required-unmapped').textContent).toBe('以下必填字段还没有对应的列：物理小区标识');
  });

  it('overrides a column with the select, or ignores it; a changed row says it was chosen by hand', () => {
    const onChange = vi.fn();
    const rows = mappingRows(columns, { 站点名称: 'site_name', PCl: 'pci', Severty: 'severity' });
    renderWithProviders(<MappingTable rows={rows} fields={fields} missing={[]} checking={false} onChange={onChange} onRecheck={vi.fn()} />);
    expect(screen.getByTestId('required-unmapped').textContent).toBe('所有必填字段都有对应的列');
    const line = screen.getByTestId('mapping-table').querySelectorAll('tbody tr.ant-table-row')[1] as HTMLElement;
    expect(within(line).getByTestId('mapping-source').textContent).toBe('手动指定');

    fireEvent.mouseDown(within(screen.getByTestId('mapping-select-C')).getByRole('combobox'));
    fireEvent.click(screen.getAllByTitle('（不导入）').find((option) => option.classList.contains('ant-select-item-option'))!);
    expect(onChange).toHaveBeenCalledWith('Severty', null);
  });
});
