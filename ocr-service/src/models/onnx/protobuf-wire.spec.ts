import { decodeMessage, encodeMessage, float32Field, readVarint, stringField, varintBytes, varintField } from './protobuf-wire';

describe('protobuf wire format', () => {
  it.each([0, 1, 127, 128, 300, 2 ** 31, 2 ** 53 - 1])('writes and reads the varint %d', (v) => {
    const bytes = varintBytes(v);
    expect(readVarint(bytes)).toEqual({ value: v, end: bytes.length });
  });

  it('refuses varints it cannot write exactly', () => {
    expect(() => varintBytes(-1)).toThrow();
    expect(() => varintBytes(2 ** 53)).toThrow();
  });

  it('splits a message into its fields and writes them back unchanged', () => {
    const fields = [varintField(1, 8), stringField(4, 'Conv'), float32Field(2, 0.5), { no: 3, wire: 1 as const, bytes: new Uint8Array(8).fill(7) }];
    const bytes = encodeMessage(fields);
    const decoded = decodeMessage(bytes);
    expect(decoded.map((f) => [f.no, f.wire, Array.from(f.bytes)])).toEqual(fields.map((f) => [f.no, f.wire, Array.from(f.bytes)]));
    expect(encodeMessage(decoded)).toEqual(bytes);
  });

  it('refuses a truncated message', () => {
    const bytes = encodeMessage([stringField(4, 'HardSigmoid')]);
    expect(() => decodeMessage(bytes.subarray(0, bytes.length - 1))).toThrow('truncated');
  });
});
