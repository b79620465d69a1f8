#!/usr/bin/env python3
"""Int8 experiment, step 2 (issue 16; the service does not use its output): static QDQ int8
quantisation of a PP-OCRv4 model with onnxruntime's quantisation tools, calibrated on the
tensors capture-calibration.js wrote.

    python quantize.py det|rec OUT.onnx [--calibration DIR] [--exclude NODE,NODE,...]

Needs onnxruntime 1.30, onnx 1.23 and sympy in Python (not part of the project's install).
paddle2onnx stores every weight as a Constant node, which the quantiser skips (it only
quantises initializers), and per-channel DequantizeLinear needs opset 13: both are fixed first.
"""
import argparse, glob, json, os, tempfile

import numpy as np
import onnx
from onnx import numpy_helper, version_converter
from onnxruntime.quantization import CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType, quantize_static
from onnxruntime.quantization.shape_inference import quant_pre_process

MODELS = {'det': 'ch_PP-OCRv4_det_infer.onnx', 'rec': 'ch_PP-OCRv4_rec_infer.onnx'}
HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, '..', '..', '..', 'node_modules', '@gutenye', 'ocr-models', 'assets')


class Tensors(CalibrationDataReader):
    def __init__(self, directory, kind):
        self.files = sorted(glob.glob(os.path.join(directory, f'{kind}_*.bin')))
        self.next = 0

    def get_next(self):
        if self.next >= len(self.files):
            return None
        path = self.files[self.next]
        self.next += 1
        dims = json.load(open(path[:-4] + '.json'))
        return {'x': np.fromfile(path, dtype=np.float32).reshape(dims)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('kind', choices=MODELS)
    parser.add_argument('out')
    parser.add_argument('--calibration', default=os.path.join(tempfile.gettempdir(), 'ocr-calibration'))
    parser.add_argument('--exclude', default='', help='node names left in float (e.g. the detector head)')
    args = parser.parse_args()

    model = onnx.load(os.path.join(ASSETS, MODELS[args.kind]))
    kept = []
    for node in model.graph.node:
        if node.op_type == 'Constant' and len(node.attribute) == 1 and node.attribute[0].name == 'value':
            model.graph.initializer.append(numpy_helper.from_array(numpy_helper.to_array(node.attribute[0].t), node.output[0]))
        else:
            kept.append(node)
    del model.graph.node[:]
    model.graph.node.extend(kept)
    model = version_converter.convert_version(model, 13)

    with tempfile.TemporaryDirectory() as tmp:
        plain, prepared = os.path.join(tmp, 'plain.onnx'), os.path.join(tmp, 'prepared.onnx')
        onnx.save(model, plain)
        quant_pre_process(plain, prepared, skip_symbolic_shape=True)
        quantize_static(
            prepared, args.out, Tensors(args.calibration, args.kind),
            quant_format=QuantFormat.QDQ, per_channel=True,
            activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.MinMax,
            nodes_to_exclude=[n for n in args.exclude.split(',') if n],
            extra_options={'CalibMovingAverage': True},
        )
    print('wrote', args.out, os.path.getsize(args.out), 'bytes')


if __name__ == '__main__':
    main()
