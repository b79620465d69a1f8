// Integration tests load the real ONNX models and run them on 2 cores: be generous.
// (A project-level `testTimeout` is ignored when the root config runs this project.)
jest.setTimeout(120000);
