/**
 * Jest's node environment runs tests in a vm context with its own typed-array constructors.
 * onnxruntime-node's native binding creates output tensors' Float32Arrays in the main realm,
 * and onnxruntime-common then rejects them (`instanceof` across realms fails). Sharing the
 * main realm's typed arrays with the test context makes the check hold, as in production.
 */
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxTestEnvironment;
