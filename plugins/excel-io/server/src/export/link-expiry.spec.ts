import { linkExpiry } from './link-expiry';

describe('linkExpiry', () => {
  it('reads an S3 pre-signed URL', () => {
    expect(linkExpiry('http://s3/b/k.xlsx?X-Amz-Algorithm=AWS4&X-Amz-Date=20261207T053000Z&X-Amz-Expires=900&X-Amz-Signature=x')).toEqual(new Date('2026-12-07T05:45:00Z'));
  });
  it('reads the private local store link', () => {
    expect(linkExpiry('/api/ticketing/files/exports/excel/a.xlsx?expires=1796623200&signature=x')).toEqual(new Date(1796623200 * 1000));
  });
  it('is null for a link that says neither', () => expect(linkExpiry('http://example.test/file')).toBeNull());
});
