/**
 * When a signed download link stops working, read from the link itself: an S3 pre-signed URL
 * carries `X-Amz-Date` and `X-Amz-Expires`, the private local store's link `expires` (unix
 * seconds). Null for a link that says neither.
 */
export function linkExpiry(url: string): Date | null {
  const params = new URL(url, 'http://relative.invalid').searchParams;
  const amzDate = params.get('X-Amz-Date');
  const amzExpires = params.get('X-Amz-Expires');
  if (amzDate && amzExpires) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + Number(amzExpires) * 1000);
  }
  const expires = params.get('expires');
  return expires && /^\d+$/.test(expires) ? new Date(Number(expires) * 1000) : null;
}
