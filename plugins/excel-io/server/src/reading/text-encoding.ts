import iconv from 'iconv-lite';

/** Why a CSV's bytes are not text this reader accepts. */
export class EncodingError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Well-formed UTF-8 multi-byte sequences, malformed bytes, and the offset of the first malformed one. */
function utf8Shape(bytes: Buffer): { multiByte: number; malformed: number; firstBad: number } {
  let multiByte = 0;
  let malformed = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      multiByte += 1;
      i += length;
    } else {
      malformed += 1;
      if (firstBad < 0) firstBad = i;
      i += 1;
    }
  }
  return { multiByte, malformed, firstBad };
}

// GBK text reads as UTF-8 mostly malformed (a few byte pairs pass by chance); UTF-8 text with a
// broken byte or two is mostly well-formed. Between the two lies this share of malformed sequences.
const GB_SHARE = 0.5;

/**
 * The text of a CSV file and its encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * GB18030/GBK — what Excel on a Chinese Windows saves — when the bytes are mostly not UTF-8 and
 * decode as GB18030 cleanly. Text that is UTF-8 in places and broken elsewhere is refused with
 * the offset of the first bad byte rather than guessed at.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (startsWith(bytes, UTF8_BOM)) {
    const body = bytes.subarray(3);
    const { firstBad } = utf8Shape(body);
    if (firstBad >= 0) throw new EncodingError(`invalid UTF-8 at byte ${firstBad + 3}`);
    return { text: body.toString('utf8'), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const { multiByte, malformed, firstBad } = utf8Shape(bytes);
  if (firstBad < 0) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  if (malformed / (malformed + multiByte) < GB_SHARE) throw new EncodingError(`invalid UTF-8 at byte ${firstBad}`);
  const text = iconv.decode(bytes, 'gb18030');
  if (text.includes('\uFFFD')) throw new EncodingError(`neither UTF-8 nor GB18030 text (byte ${firstBad})`);
  return { text, encoding: 'gb18030' };
}

/** Whether the bytes look like text at all (no NUL bytes outside UTF-16). */
export function looksLikeText(bytes: Buffer): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  return !bytes.subarray(0, 64 * 1024).includes(0);
}
