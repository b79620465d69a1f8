import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import type { SlaClock, TicketSla } from '../services/sla';
import { SlaTag } from './sla-tag';

const NOW = Date.parse('2026-12-07T02:00:00Z');
const clock = (patch: Partial<SlaClock>): SlaClock => ({
  target: 3600,
  elapsed: 0,
  state: 'ok',
  running: true,
  dueAt: null,
  businessHours: false,
  ...patch,
});
const due = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe('SlaTag', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('counts down the running clock, second by second', () => {
    const sla: TicketSla = { state: 'ok', response: clock({ dueAt: due(2005), elapsed: 1595 }), resolution: clock({ target: 86_400 }) };
    renderWithProviders(<SlaTag sla={sla} />);
    const tag = screen.getByTestId('sla-tag');
    expect(tag.textContent).toBe('剩余 33分 25秒');
    expect(tag.className).toContain('green');
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('sla-tag').textContent).toBe('剩余 33分 23秒');
  });

  it('is orange at warning', () => {
    const sla: TicketSla = { state: 'warning', response: null, resolution: clock({ state: 'warning', dueAt: due(3 * 3600 + 300), target: 20 * 3600 }) };
    renderWithProviders(<SlaTag sla={sla} />);
    const tag = screen.getByTestId('sla-tag');
    expect(tag.textContent).toBe('剩余 3小时 05分');
    expect(tag.className).toContain('orange');
    expect(tag.dataset.sla).toBe('warning');
  });

  it('is red and says for how long once breached', () => {
    const sla: TicketSla = { state: 'breached', response: clock({ state: 'breached', dueAt: due(-2 * 86_400 - 3 * 3600) }), resolution: null };
    renderWithProviders(<SlaTag sla={sla} />);
    const tag = screen.getByTestId('sla-tag');
    expect(tag.textContent).toBe('已超时 2天 3小时');
    expect(tag.className).toContain('red');
    expect(tag.dataset.sla).toBe('breached');
  });

  it('turns red when the countdown passes zero, before the server marks the breach', () => {
    const sla: TicketSla = { state: 'ok', response: clock({ dueAt: due(1) }), resolution: null };
    renderWithProviders(<SlaTag sla={sla} />);
    act(() => vi.advanceTimersByTime(3000));
    const tag = screen.getByTestId('sla-tag');
    expect(tag.textContent).toBe('已超时 2秒');
    expect(tag.dataset.sla).toBe('breached');
  });

  it('says met for a resolved ticket within its targets, and paused with the time left for a rejected one', () => {
    const stopped: TicketSla = { state: 'ok', response: clock({ running: false, elapsed: 600 }), resolution: clock({ running: false, target: 7200, elapsed: 1800 }) };
    renderWithProviders(
      <>
        <SlaTag sla={stopped} status="resolved" />
        <SlaTag sla={stopped} status="rejected" />
      </>,
    );
    const [resolved, rejected] = screen.getAllByTestId('sla-tag');
    expect(resolved.textContent).toBe('SLA 达标');
    expect(rejected.textContent).toBe('已暂停 · 剩余 1小时 30分');
  });

  it('shows nothing for a type without an SLA', () => {
    renderWithProviders(
      <>
        <SlaTag sla={null} />
        <SlaTag sla={undefined} />
      </>,
    );
    expect(screen.queryByTestId('sla-tag')).toBeNull();
  });
});
