import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useRjsfFormData } from './rjsf-form-data';

describe("the formData handed to RJSF: the form's own edits are not handed back", () => {
  it('keeps what RJSF was given while the values are the ones it emitted', () => {
    const loaded = { site_name: 'a' };
    const { result, rerender } = renderHook(({ form }) => useRjsfFormData(form), { initialProps: { form: loaded } });
    const typed = { site_name: 'ab' };
    result.current.emit(typed);
    rerender({ form: typed });
    expect(result.current.formData).toBe(loaded);
    expect(result.current.generation).toBe(0);
  });

  it('hands over a value from elsewhere (a save, a reload)', () => {
    const { result, rerender } = renderHook(({ form }) => useRjsfFormData(form), { initialProps: { form: { site_name: 'a' } } });
    result.current.emit({ site_name: 'ab' });
    const saved = { site_name: 'ab', pci: 1 };
    rerender({ form: saved });
    expect(result.current.formData).toBe(saved);
    expect(result.current.generation).toBe(0);
  });

  it('mounts the form afresh when the outside value equals the one RJSF was given before (a discarded edit)', () => {
    const { result, rerender } = renderHook(({ form }) => useRjsfFormData(form), { initialProps: { form: { site_name: 'a' } } });
    const typed = { site_name: 'ab' };
    result.current.emit(typed);
    rerender({ form: typed });
    const discarded = { site_name: 'a' };
    rerender({ form: discarded });
    expect(result.current.formData).toBe(discarded);
    expect(result.current.generation).toBe(1);
  });
});
