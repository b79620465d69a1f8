import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../../../api/api-error';
import { mapServerErrors } from './server-errors';

const fields = ['site_name', 'pci', 'photos', 'location'];

/** A 400 exactly as the tickets API answers it. */
const badRequest = (errors: unknown[], message = '表单有误') =>
  errorFromResponse(400, JSON.stringify({ data: null, error: { status: 400, name: 'ValidationError', message, details: { errors } } }));

describe('server 400 → form field errors', () => {
  it("puts each message under its field, like RJSF's own errors", () => {
    const mapped = mapServerErrors(
      badRequest([
        { field: 'pci', label: '物理小区标识', message: '应当为 <= 1007' },
        { field: 'site_name', label: '站点名称', message: '不应多于 64 个字符' },
        { field: 'pci', label: '物理小区标识', message: '应当是整数' },
      ]),
      fields,
    );
    expect(mapped).toEqual({
      errorSchema: { pci: { __errors: ['应当为 <= 1007', '应当是整数'] }, site_name: { __errors: ['不应多于 64 个字符'] } },
      general: [],
    });
  });

  it('follows nested paths into arrays and objects', () => {
    const mapped = mapServerErrors(
      badRequest([
        { field: 'photos/1', message: 'is not a photo of this ticket' },
        { field: 'location.lat', message: 'must be <= 90' },
      ]),
      fields,
    );
    expect(mapped.errorSchema).toEqual({
      photos: { 1: { __errors: ['is not a photo of this ticket'] } },
      location: { lat: { __errors: ['must be <= 90'] } },
    });
  });

  it('keeps errors for fields the form lacks, and a 400 without field errors, as general messages', () => {
    expect(mapServerErrors(badRequest([{ field: 'legacy', label: '旧字段', message: '未知字段' }]), fields)).toEqual({
      errorSchema: {},
      general: ['旧字段: 未知字段'],
    });
    const plain = errorFromResponse(
      400,
      JSON.stringify({ error: { status: 400, name: 'ValidationError', message: 'Unknown ticket type "x"', details: {} } }),
    );
    expect(mapServerErrors(plain, fields)).toEqual({ errorSchema: {}, general: ['Unknown ticket type "x"'] });
  });
});
