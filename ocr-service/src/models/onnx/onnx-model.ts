import {
  bytesField,
  decodeMessage,
  encodeMessage,
  float32Field,
  readString,
  readVarint,
  stringField,
  varintField,
  type WireField,
} from './protobuf-wire';

// Field numbers from onnx.proto.
const MODEL_GRAPH = 7;
const GRAPH = { node: 1, output: 12 } as const;
const NODE = { input: 1, output: 2, name: 3, opType: 4, attribute: 5 } as const;
const ATTRIBUTE = { name: 1, f: 2, t: 5, type: 20 } as const;
const ATTRIBUTE_TYPE = { float: 1, tensor: 4 } as const;
const TENSOR = { dims: 1, dataType: 2, rawData: 9 } as const;
const FLOAT = 1;

/** One graph node: what the rewrite reads, plus its attributes and other fields kept as they came. */
export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  /** AttributeProto messages, undecoded. */
  attributes: WireField[];
  /** domain, doc_string …: written back unchanged. */
  other: WireField[];
}

/** A model whose node list can be edited; everything else is written back byte for byte. */
export interface OnnxModel {
  nodes: OnnxNode[];
  /** Names of the graph's outputs (never renamed or removed by a rewrite). */
  graphOutputs: Set<string>;
  modelFields: WireField[];
  graphFields: WireField[];
}

/** A float tensor held by a Constant node. */
export interface FloatTensor {
  dims: number[];
  data: Float32Array;
}

export function parseOnnxModel(bytes: Uint8Array): OnnxModel {
  const modelFields = decodeMessage(bytes);
  const graphField = modelFields.find((f) => f.no === MODEL_GRAPH);
  if (!graphField) throw new Error('onnx: model without a graph');
  const nodes: OnnxNode[] = [];
  const graphFields: WireField[] = [];
  const graphOutputs = new Set<string>();
  for (const f of decodeMessage(graphField.bytes)) {
    if (f.no === GRAPH.node) nodes.push(parseNode(f.bytes));
    else graphFields.push(f);
    if (f.no === GRAPH.output) graphOutputs.add(readString(decodeMessage(f.bytes).find((v) => v.no === 1)!));
  }
  return { nodes, graphOutputs, modelFields, graphFields };
}

export function serializeOnnxModel(model: OnnxModel): Uint8Array {
  const graph = encodeMessage([...model.nodes.map((n) => bytesField(GRAPH.node, encodeNode(n))), ...model.graphFields]);
  return encodeMessage(model.modelFields.map((f) => (f.no === MODEL_GRAPH ? bytesField(MODEL_GRAPH, graph) : f)));
}

function parseNode(bytes: Uint8Array): OnnxNode {
  const node: OnnxNode = { opType: '', name: '', inputs: [], outputs: [], attributes: [], other: [] };
  for (const f of decodeMessage(bytes)) {
    if (f.no === NODE.input) node.inputs.push(readString(f));
    else if (f.no === NODE.output) node.outputs.push(readString(f));
    else if (f.no === NODE.name) node.name = readString(f);
    else if (f.no === NODE.opType) node.opType = readString(f);
    else if (f.no === NODE.attribute) node.attributes.push(f);
    else node.other.push(f);
  }
  return node;
}

function encodeNode(n: OnnxNode): Uint8Array {
  return encodeMessage([
    ...n.inputs.map((s) => stringField(NODE.input, s)),
    ...n.outputs.map((s) => stringField(NODE.output, s)),
    // Unnamed nodes stay unnamed, so a model read and written unchanged is the same bytes.
    ...(n.name ? [stringField(NODE.name, n.name)] : []),
    stringField(NODE.opType, n.opType),
    ...n.attributes,
    ...n.other,
  ]);
}

/** A node attribute's fields, by attribute name. */
export function findAttribute(node: OnnxNode, name: string): WireField[] | undefined {
  for (const a of node.attributes) {
    const fields = decodeMessage(a.bytes);
    const nameField = fields.find((f) => f.no === ATTRIBUTE.name);
    if (nameField && readString(nameField) === name) return fields;
  }
  return undefined;
}

/** A FLOAT attribute's value. */
export function floatAttribute(node: OnnxNode, name: string): number | undefined {
  const f = findAttribute(node, name)?.find((v) => v.no === ATTRIBUTE.f);
  return f ? new DataView(f.bytes.buffer, f.bytes.byteOffset, 4).getFloat32(0, true) : undefined;
}

/** An INTS attribute's values (packed or not); negative values are not expected here. */
export function intsAttribute(node: OnnxNode, name: string): number[] | undefined {
  const fields = findAttribute(node, name);
  if (!fields) return undefined;
  return fields.filter((f) => f.no === 8).flatMap((f) => (f.wire === 2 ? readPackedVarints(f.bytes) : [readVarint(f.bytes).value]));
}

export function floatAttributeField(name: string, value: number): WireField {
  return bytesField(NODE.attribute, encodeMessage([stringField(ATTRIBUTE.name, name), float32Field(ATTRIBUTE.f, value), varintField(ATTRIBUTE.type, ATTRIBUTE_TYPE.float)]));
}

/** The float tensor of a Constant node, or undefined for any other node or tensor kind. */
export function constantTensor(node: OnnxNode): FloatTensor | undefined {
  if (node.opType !== 'Constant') return undefined;
  const t = findAttribute(node, 'value')?.find((f) => f.no === ATTRIBUTE.t);
  if (!t) return undefined;
  const fields = decodeMessage(t.bytes);
  const type = fields.find((f) => f.no === TENSOR.dataType);
  const raw = fields.find((f) => f.no === TENSOR.rawData);
  if (!type || readVarint(type.bytes).value !== FLOAT || !raw) return undefined;
  const dims = fields.filter((f) => f.no === TENSOR.dims).flatMap((f) => (f.wire === 2 ? readPackedVarints(f.bytes) : [readVarint(f.bytes).value]));
  // Copied: raw_data has no 4-byte alignment inside the file.
  const data = new Float32Array(new Uint8Array(raw.bytes).buffer);
  if (data.length !== dims.reduce((a, b) => a * b, 1)) throw new Error(`onnx: constant ${node.name} has ${data.length} values for dims ${dims}`);
  return { dims, data };
}

/** A Constant node holding `tensor`, named and output as `name`. */
export function constantNode(name: string, tensor: FloatTensor): OnnxNode {
  const raw = new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  const t = encodeMessage([...tensor.dims.map((d) => varintField(TENSOR.dims, d)), varintField(TENSOR.dataType, FLOAT), stringField(8, name), bytesField(TENSOR.rawData, raw.slice())]);
  const value = encodeMessage([stringField(ATTRIBUTE.name, 'value'), bytesField(ATTRIBUTE.t, t), varintField(ATTRIBUTE.type, ATTRIBUTE_TYPE.tensor)]);
  return { opType: 'Constant', name, inputs: [], outputs: [name], attributes: [bytesField(NODE.attribute, value)], other: [] };
}

function readPackedVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let pos = 0; pos < bytes.length; ) {
    const v = readVarint(bytes, pos);
    out.push(v.value);
    pos = v.end;
  }
  return out;
}
