const MAX_NAME_LENGTH = 120;

/**
 * The name a photo is shown under: the last path segment of what the client sent, without
 * control or path characters, NFC-normalised and shortened. Never used as a storage key.
 */
export function sanitizeFileName(raw: string | null | undefined, fallbackExt: string): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '').replace(/^[.\s]+/, '').trim();
  if (!cleaned) return `photo${fallbackExt}`;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}
