import { sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd.jpg', '.jpg', 'passwd.jpg'],
    ['C:\\Users\\王工\\Desktop\\基站.JPG', '.jpg', '基站.JPG'],
    ['a\u0000b\u001fc\u007f.png', '.png', 'abc.png'],
    ['...hidden.png', '.png', 'hidden.png'],
    ['what?<is>:"this|*.jpg', '.jpg', 'whatisthis.jpg'],
    ['', '.webp', 'photo.webp'],
    [null, '.jpg', 'photo.jpg'],
    ['../..', '.jpg', 'photo.jpg'],
  ])('%j → %j', (raw, ext, expected) => {
    expect(sanitizeFileName(raw, ext)).toBe(expected);
  });

  it('shortens long names and keeps the extension', () => {
    const name = sanitizeFileName(`${'站'.repeat(300)}.jpeg`, '.jpg');
    expect(name).toHaveLength(120);
    expect(name.endsWith('站.jpeg')).toBe(true);
  });

  it('composes decomposed characters (NFC)', () => {
    expect(sanitizeFileName('Cafe\u0301.jpg', '.jpg')).toBe('Café.jpg');
  });
});
