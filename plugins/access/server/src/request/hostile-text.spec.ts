import { findHostileText, safeFileName, textProblem } from './hostile-text';

describe('hostile text', () => {
  it('refuses NUL and lone surrogates, keeps every real character', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\ud800')).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem('x\udc00')).toMatch(/lone UTF-16 surrogate/);
    for (const fine of ['浦东张江基站', '😀 emoji pair', 'العربية', 'tab\tand\nline', '']) expect(textProblem(fine)).toBeNull();
  });

  it('names where in a body the first refused string or key is', () => {
    expect(findHostileText({ data: { form: { site_name: 'ok', pci: 3, tags: ['a', 'b\u0000'] } } })).toEqual({ at: 'data.form.tags[1]', problem: expect.stringMatching(/NUL/) });
    expect(findHostileText({ data: { 'si\u0000te': 1 } })?.at).toBe('data.si\\u0000te (a key)');
    expect(findHostileText({ identifier: 'admin\u0000' })?.at).toBe('identifier');
    expect(findHostileText({ a: [1, null, true, { b: '好' }] })).toBeNull();
    expect(findHostileText(undefined)).toBeNull();
  });

  it('keeps file names honest: no bidi or control characters', () => {
    expect(safeFileName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(safeFileName('\u2066站点\u2069照片\u200F.jpg')).toBe('站点照片.jpg');
    expect(safeFileName('a\u0000b\r\n.png')).toBe('ab.png');
    expect(safeFileName('\u202E\ud800')).toBe('file');
    expect(safeFileName('基站 01.jpg')).toBe('基站 01.jpg');
  });
});
