/**
 * Just enough of the protobuf wire format to edit an ONNX file: a message is a list of fields,
 * each kept as the bytes it came with, so whatever is not touched is written back unchanged
 * (no schema, no precision lost on 64-bit varints we never read).
 */
export interface WireField {
  /** Field number. */
  no: number;
  /** Wire type: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32. */
  wire: 0 | 1 | 2 | 5;
  /** The value's bytes: a varint's own bytes, a fixed value's 4/8 bytes, or a payload without its length. */
  bytes: Uint8Array;
}

/** Reads a varint at `pos`; values stay exact below 2^53 (lengths, tags, small enums and ints). */
export function readVarint(buf: Uint8Array, pos = 0): { value: number; end: number } {
  let value = 0;
  let scale = 1;
  for (let i = pos; i < buf.length; i++) {
    value += (buf[i] & 0x7f) * scale;
    if (buf[i] < 0x80) return { value, end: i + 1 };
    scale *= 128;
  }
  throw new Error('protobuf: truncated varint');
}

/** Varint bytes of a non-negative integer below 2^53. */
export function varintBytes(value: number): Uint8Array {
  if (!(Number.isSafeInteger(value) && value >= 0)) throw new Error(`protobuf: cannot write varint ${value}`);
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}

/** Splits a message into its fields (sub-arrays of `buf`, not copies). */
export function decodeMessage(buf: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const tag = readVarint(buf, pos);
    const no = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    pos = tag.end;
    let start = pos;
    if (wire === 0) pos = readVarint(buf, pos).end;
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const len = readVarint(buf, pos);
      start = len.end;
      pos = len.end + len.value;
    } else throw new Error(`protobuf: unsupported wire type ${wire}`);
    if (pos > buf.length) throw new Error('protobuf: truncated field');
    fields.push({ no, wire, bytes: buf.subarray(start, pos) });
  }
  return fields;
}

/** Writes fields back in the given order. */
export function encodeMessage(fields: readonly WireField[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of fields) {
    parts.push(varintBytes(f.no * 8 + f.wire));
    if (f.wire === 2) parts.push(varintBytes(f.bytes.length));
    parts.push(f.bytes);
  }
  return concatBytes(parts);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();

export const bytesField = (no: number, bytes: Uint8Array): WireField => ({ no, wire: 2, bytes });
export const stringField = (no: number, s: string): WireField => bytesField(no, utf8Encoder.encode(s));
export const varintField = (no: number, v: number): WireField => ({ no, wire: 0, bytes: varintBytes(v) });
export const readString = (f: WireField): string => utf8.decode(f.bytes);
export function float32Field(no: number, v: number): WireField {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, v, true);
  return { no, wire: 5, bytes };
}
