import { describe, expect, it, vi } from 'vitest';
import { createDraftStore, draftKey } from './draft-store';

describe('form drafts in sessionStorage', () => {
  it('keeps a draft per ticket (or per new ticket of a type) until cleared', () => {
    const drafts = createDraftStore(window.sessionStorage);
    drafts.save(draftKey('abc', 'bs-fault'), { form: { pci: 387 }, base: { pci: 1 }, version: 2, savedAt: 1 });
    drafts.save(draftKey(undefined, 'bs-fault'), { form: { pci: 1 }, base: {}, version: null, savedAt: 2 });
    expect(drafts.load('ticket:abc')).toEqual({ form: { pci: 387 }, base: { pci: 1 }, version: 2, savedAt: 1 });
    expect(drafts.load('new:bs-fault')?.form).toEqual({ pci: 1 });
    drafts.clear('ticket:abc');
    expect(drafts.load('ticket:abc')).toBeNull();
    expect(drafts.load('new:bs-fault')).not.toBeNull();
  });

  it('forgets every draft at logout, and nothing else', () => {
    window.sessionStorage.setItem('other', 'kept');
    const drafts = createDraftStore(window.sessionStorage);
    drafts.save('ticket:a', { form: {}, base: {}, version: 1, savedAt: 1 });
    drafts.save('ticket:b', { form: {}, base: {}, version: 1, savedAt: 1 });
    drafts.clearAll();
    expect(drafts.load('ticket:a')).toBeNull();
    expect(drafts.load('ticket:b')).toBeNull();
    expect(window.sessionStorage.getItem('other')).toBe('kept');
  });

  it('reads a damaged entry as no draft, and survives a full storage', () => {
    window.sessionStorage.setItem('portal.draft:ticket:x', '{broken');
    const drafts = createDraftStore(window.sessionStorage);
    expect(drafts.load('ticket:x')).toBeNull();
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => createDraftStore(full).save('ticket:y', { form: {}, base: {}, version: 1, savedAt: 1 })).not.toThrow();
    expect(warn).toHaveBeenCalled();
  });
});
