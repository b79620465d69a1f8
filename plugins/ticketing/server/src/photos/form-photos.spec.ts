import { unknownPhotoErrors, withoutPhotos } from './form-photos';
import type { FieldDefinition } from '../field-types';

const fields: FieldDefinition[] = [
  { key: 'site_name', type: 'string', label: { 'zh-CN': '站点名称', en: 'Site name' } },
  { key: 'photos', type: 'images', label: { 'zh-CN': '现场照片', en: 'Site photos' } },
  { key: 'extra', type: 'images', label: { 'zh-CN': '其他', en: 'Other' } },
];

describe('withoutPhotos', () => {
  it('removes the id from every images field and keeps the order of the rest', () => {
    const form = { site_name: 'A', photos: ['a', 'b', 'c'], extra: ['b'] };
    expect(withoutPhotos(form, fields, 'b')).toEqual({ site_name: 'A', photos: ['a', 'c'], extra: null });
    expect(form.photos).toEqual(['a', 'b', 'c']);
  });

  it('returns the same object when no field holds the id', () => {
    const form = { site_name: 'A', photos: ['a'] };
    expect(withoutPhotos(form, fields, 'z')).toBe(form);
  });
});

describe('unknownPhotoErrors', () => {
  it('names each images field holding ids outside the ticket list', () => {
    const form = { photos: ['a', 'x'], extra: ['y'], site_name: 'x' };
    expect(unknownPhotoErrors(form, fields, ['a'])).toEqual([
      { field: 'photos', message: 'not photos of this ticket: x' },
      { field: 'extra', message: 'not photos of this ticket: y' },
    ]);
    expect(unknownPhotoErrors({ photos: ['a'] }, fields, ['a', 'b'])).toEqual([]);
    expect(unknownPhotoErrors({ photos: null }, fields, [])).toEqual([]);
  });
});
