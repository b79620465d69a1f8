// a project-level `testTimeout` is ignored when the root config runs this project
jest.setTimeout(240_000);
