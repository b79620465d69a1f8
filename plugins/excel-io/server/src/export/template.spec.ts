import ExcelJS from 'exceljs';
import { parseTemplate, templateLayout } from './template';
import type { FieldType, TypeDefinition } from './ticketing-slice';

const definition: TypeDefinition = {
  key: 'bs-fault',
  version: 1,
  fields: [
    { key: 'site_name', type: 'a-text-type', label: { 'zh-CN': '站点名称', en: 'Site name' } },
    { key: 'pci', type: 'a-number-type', label: { 'zh-CN': '物理小区标识', en: 'PCI' } },
  ],
};
const typeOf = () => ({}) as FieldType;
const values = { typeName: '5G基站故障工单', exportedAt: '2026-12-07 13:30', exportedBy: '王工', filters: '', count: 42 };

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('T');
  rows.forEach((row, r) => row.forEach((value, c) => value !== null && (sheet.getRow(r + 1).getCell(c + 1).value = value)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('templates', () => {
  it('finds the data row and fills the title', async () => {
    const parsed = await parseTemplate(await workbook([['{{typeName}}（共 {{count}} 条）'], ['{{count}}'], ['站点', 'PCI'], ['{{site_name}}', '{{pci}}']]));
    expect(parsed.dataRow).toMatchObject({ number: 4, columns: [{ key: 'site_name', address: 'A4' }, { key: 'pci', address: 'B4' }] });
    const layout = templateLayout(parsed, definition, 'zh-CN', typeOf, values);
    expect(layout.firstDataRow).toBe(4);
    expect(layout.columns.map((c) => c.key)).toEqual(['site_name', 'pci']);
    expect(layout.titleRows[0].cells[0].value).toBe('5G基站故障工单（共 42 条）');
    expect(layout.titleRows[1].cells[0].value).toBe(42);
  });

  it.each([
    [[['标题'], ['站点']], /no data row/],
    [[['{{site_name}}', null, '{{pci}}']], /C1 follows a gap/],
    [[['{{site_name}} 和 {{pci}}']], /A1 must hold one column placeholder alone/],
    [[['{{site_name}}', '备注']], /mixes column placeholders/],
  ])('refuses %j', async (rows, message) => {
    await expect(parseTemplate(await workbook(rows))).rejects.toThrow(message);
  });

  it('refuses bytes that are no workbook, and columns the type lacks', async () => {
    await expect(parseTemplate(Buffer.from('a,b\n1,2\n'))).rejects.toThrow(/not an \.xlsx workbook/);
    const parsed = await parseTemplate(await workbook([['{{site_name}}', '{{weather}}']]));
    expect(() => templateLayout(parsed, definition, 'zh-CN', typeOf, values)).toThrow(/Unknown column "weather"/);
  });
});
