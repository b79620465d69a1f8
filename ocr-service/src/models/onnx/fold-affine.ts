import { constantNode, constantTensor, floatAttribute, floatAttributeField, findAttribute, intsAttribute, type FloatTensor, type OnnxModel, type OnnxNode } from './onnx-model';

/** What {@link foldAffineOps} rewrote. */
export interface AffineRewrites {
  hardSwish: number;
  foldedIntoConv: number;
}

/**
 * Rewrites a PP-OCR model (as exported by paddle2onnx) into the same function with fewer
 * elementwise passes, which ONNX Runtime's own optimiser does not do for these graphs:
 *
 * * `x · clip(x + 3, 0, 6) / 6` (hard-swish, 4 passes over the tensor) becomes
 *   `x · HardSigmoid(x; 1/6, ½)` (2 passes);
 * * a scalar `Mul`/`Add` right after a convolution (PP-LCNetV3's learnable affine blocks), or
 *   right before an unpadded one, is folded into that convolution's weights and bias. ONNX
 *   Runtime's Conv+Mul fusion skips them because the scalar is the Mul's first input.
 *
 * The results differ from the original graph's by float rounding only. In place.
 */
export function foldAffineOps(model: OnnxModel): AffineRewrites {
  const rewrites: AffineRewrites = { hardSwish: 0, foldedIntoConv: 0 };
  let graph = new GraphIndex(model);
  for (const div of model.nodes.filter((n) => n.opType === 'Div')) {
    if (rewriteHardSwish(graph, div)) {
      rewrites.hardSwish++;
      graph = new GraphIndex(model);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const conv of model.nodes.filter((n) => n.opType === 'Conv')) {
      if (foldAfterConv(graph, conv) || foldBeforeConv(graph, conv)) {
        rewrites.foldedIntoConv++;
        graph = new GraphIndex(model);
        changed = true;
      }
    }
  }
  model.nodes = model.nodes.filter((n) => n.opType !== 'Constant' || graph.users(n.outputs[0]).length > 0 || model.graphOutputs.has(n.outputs[0]));
  return rewrites;
}

/** Who produces and who reads each tensor name. Rebuilt after every rewrite (the graphs have < 1,000 nodes). */
class GraphIndex {
  private readonly producers = new Map<string, OnnxNode>();
  private readonly readers = new Map<string, OnnxNode[]>();

  constructor(readonly model: OnnxModel) {
    for (const n of model.nodes) {
      for (const o of n.outputs) this.producers.set(o, n);
      for (const i of n.inputs) this.readers.set(i, [...(this.readers.get(i) ?? []), n]);
    }
  }

  producer(name: string): OnnxNode | undefined {
    return this.producers.get(name);
  }

  users(name: string): OnnxNode[] {
    return this.readers.get(name) ?? [];
  }

  /** True when tensor `name` is read by `node` alone and is not a graph output. */
  soleUser(name: string, node: OnnxNode): boolean {
    const users = this.users(name);
    return users.length === 1 && users[0] === node && !this.model.graphOutputs.has(name);
  }

  constant(name: string): FloatTensor | undefined {
    const p = this.producers.get(name);
    return p && constantTensor(p);
  }

  /** The value of a float constant of shape [] or [1] (one that cannot change the other operand's shape). */
  scalar(name: string): number | undefined {
    const t = this.constant(name);
    return t && t.data.length === 1 && t.dims.length <= 1 ? t.data[0] : undefined;
  }

  /** For a two-input op with one scalar constant input: the scalar and the other input. */
  scalarOperand(node: OnnxNode): { value: number; input: string } | undefined {
    if (node.inputs.length !== 2) return undefined;
    for (const k of [1, 0]) {
      const value = this.scalar(node.inputs[k]);
      if (value !== undefined) return { value, input: node.inputs[1 - k] };
    }
    return undefined;
  }

  /** Replaces the Constant producing `name` (read by one node only: checked by the caller). */
  setConstant(name: string, tensor: FloatTensor): void {
    const old = this.producers.get(name)!;
    this.model.nodes[this.model.nodes.indexOf(old)] = { ...constantNode(name, tensor), name: old.name };
  }

  remove(...nodes: OnnxNode[]): void {
    this.model.nodes = this.model.nodes.filter((n) => !nodes.includes(n));
  }
}

/** `div` closing `x · clip(x + 3, 0, 6) / 6` → `x · HardSigmoid(x)`. */
function rewriteHardSwish(g: GraphIndex, div: OnnxNode): boolean {
  if (g.scalar(div.inputs[1]) !== 6) return false;
  const mul = g.producer(div.inputs[0]);
  if (mul?.opType !== 'Mul' || !g.soleUser(mul.outputs[0], div)) return false;
  for (const k of [0, 1]) {
    const clip = g.producer(mul.inputs[k]);
    const x = mul.inputs[1 - k];
    if (clip?.opType !== 'Clip' || !g.soleUser(clip.outputs[0], mul) || !clipsTo(g, clip, 0, 6)) continue;
    const add = g.producer(clip.inputs[0]);
    if (add?.opType !== 'Add' || !g.soleUser(add.outputs[0], clip)) continue;
    const shift = g.scalarOperand(add);
    if (shift?.value !== 3 || shift.input !== x) continue;
    const gate = `${div.name}/hard_sigmoid`;
    const at = g.model.nodes.indexOf(div);
    g.model.nodes.splice(
      at,
      1,
      { opType: 'HardSigmoid', name: gate, inputs: [x], outputs: [gate], attributes: [floatAttributeField('alpha', 1 / 6), floatAttributeField('beta', 0.5)], other: [] },
      { opType: 'Mul', name: `${div.name}/hard_swish`, inputs: [x, gate], outputs: div.outputs, attributes: [], other: [] },
    );
    g.remove(add, clip, mul);
    return true;
  }
  return false;
}

/** Clip bounds, from attributes (opset < 11) or constant inputs. */
function clipsTo(g: GraphIndex, clip: OnnxNode, min: number, max: number): boolean {
  const lo = clip.inputs[1] ? g.scalar(clip.inputs[1]) : floatAttribute(clip, 'min');
  const hi = clip.inputs[2] ? g.scalar(clip.inputs[2]) : floatAttribute(clip, 'max');
  return lo === min && hi === max;
}

/** Conv weights and bias when both are constants read by this conv alone. */
function convParams(g: GraphIndex, conv: OnnxNode): { w: FloatTensor; b?: FloatTensor } | undefined {
  const [, wName, bName] = conv.inputs;
  const w = g.constant(wName);
  if (!w || w.dims.length !== 4 || !g.soleUser(wName, conv)) return undefined;
  if (!bName) return { w };
  const b = g.constant(bName);
  return b && g.soleUser(bName, conv) ? { w, b } : undefined;
}

/** Conv → Mul/Add by a scalar: the conv computes the product or sum itself. */
function foldAfterConv(g: GraphIndex, conv: OnnxNode): boolean {
  const [next] = g.users(conv.outputs[0]);
  if (!next || (next.opType !== 'Mul' && next.opType !== 'Add') || !g.soleUser(conv.outputs[0], next)) return false;
  const operand = g.scalarOperand(next);
  const params = convParams(g, conv);
  if (!operand || !params) return false;
  const s = operand.value;
  if (next.opType === 'Mul') {
    g.setConstant(conv.inputs[1], scaled(params.w, s));
    if (params.b) g.setConstant(conv.inputs[2], scaled(params.b, s));
  } else setBias(g, conv, params, (_, bias) => bias + s);
  conv.outputs = next.outputs;
  g.remove(next);
  return true;
}

/** Mul/Add by a scalar → unpadded Conv: folded into the conv (with padding the border would see 0, not the shift). */
function foldBeforeConv(g: GraphIndex, conv: OnnxNode): boolean {
  const prev = g.producer(conv.inputs[0]);
  if (!prev || (prev.opType !== 'Mul' && prev.opType !== 'Add') || !g.soleUser(prev.outputs[0], conv)) return false;
  const pads = intsAttribute(conv, 'pads') ?? [];
  if (findAttribute(conv, 'auto_pad') || pads.some((p) => p !== 0)) return false;
  const operand = g.scalarOperand(prev);
  const params = convParams(g, conv);
  if (!operand || !params) return false;
  const s = operand.value;
  if (prev.opType === 'Mul') g.setConstant(conv.inputs[1], scaled(params.w, s));
  else {
    const perFilter = params.w.data.length / params.w.dims[0];
    setBias(g, conv, params, (oc, bias) => {
      let sum = 0;
      for (let k = oc * perFilter; k < (oc + 1) * perFilter; k++) sum += params.w.data[k];
      return bias + s * sum;
    });
  }
  conv.inputs[0] = operand.input;
  g.remove(prev);
  return true;
}

const scaled = (t: FloatTensor, s: number): FloatTensor => ({ dims: t.dims, data: t.data.map((v) => v * s) });

/** Sets each output channel's bias to `f(channel, old bias)`, adding a bias input if the conv had none. */
function setBias(g: GraphIndex, conv: OnnxNode, params: { w: FloatTensor; b?: FloatTensor }, f: (oc: number, bias: number) => number): void {
  const channels = params.w.dims[0];
  const data = new Float32Array(channels);
  for (let oc = 0; oc < channels; oc++) data[oc] = f(oc, params.b ? params.b.data[oc] : 0);
  if (params.b) {
    g.setConstant(conv.inputs[2], { dims: params.b.dims, data });
    return;
  }
  const name = `${conv.name}/folded_bias`;
  g.model.nodes.splice(g.model.nodes.indexOf(conv), 0, constantNode(name, { dims: [channels], data }));
  conv.inputs[2] = name;
}
