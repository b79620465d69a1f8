import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { bsFaultSchema } from '../../../../test/schemas';
import { renderWithProviders } from '../../../../test/render';
import { ConflictDialog } from './conflict-dialog';

const loaded = { site_name: '张江01', pci: 387, severity: 'critical' };
const server = {
  version: 4,
  form: { site_name: '张江01', pci: 387, severity: 'major' },
  status: 'in_progress' as const,
  allowedTransitions: [],
};
const mine = { site_name: '张江01', pci: 390, severity: 'minor' };

function renderDialog() {
  const handlers = { onReload: vi.fn(), onOverwrite: vi.fn(), onCancel: vi.fn() };
  renderWithProviders(
    <ConflictDialog
      conflict={server}
      loaded={loaded}
      mine={mine}
      typeSchema={bsFaultSchema}
      currentStatus="submitted"
      saving={false}
      {...handlers}
    />,
  );
  return handlers;
}

describe('the 409 dialog', () => {
  it('shows the new version, the status change and each changed field with its three values', () => {
    renderDialog();
    const dialog = screen.getByTestId('conflict-dialog');
    expect(dialog.textContent).toContain('版本 4');
    expect(dialog.textContent).toContain('状态也已变为“处理中”');
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['PCI', '387', '387', '390'],
      ['Severity冲突', 'Critical', 'Major', 'Minor'],
    ]);
  });

  it('reloads at once, but overwrites only after a confirmation', async () => {
    const { onReload, onOverwrite } = renderDialog();
    fireEvent.click(screen.getByTestId('conflict-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('conflict-overwrite'));
    expect(onOverwrite).not.toHaveBeenCalled();
    const confirm = await screen.findByText('将用你的值覆盖他人的修改，确定吗？');
    const popup = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popup).getAllByRole('button').at(-1)!);
    await waitFor(() => expect(onOverwrite).toHaveBeenCalledTimes(1));
  });
});
