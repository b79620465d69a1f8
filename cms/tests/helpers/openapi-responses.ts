// Jest setup for every cms test file: each answer supertest receives from the in-process CMS
// is checked against the OpenAPI document (GET /api/openapi.json's, built by the same app),
// so the document cannot drift from the code. A mismatch fails the request's test with the
// route, the status and Ajv's error. Apps in a child process (strapi-process) are not checked.
import Test from 'supertest/lib/test';
import type { Core } from '@strapi/strapi';
import { openApiDocument, responseChecker } from 'strapi-plugin-access';

type Check = ReturnType<typeof responseChecker>;
type Callback = (error: unknown, res: unknown) => void;
interface Answer { status: number; type: string; body: unknown }

const checkers = new WeakMap<object, Check>();

async function checkerOf(strapi: Core.Strapi): Promise<Check> {
  const document = await openApiDocument(strapi);
  let check = checkers.get(document);
  if (!check) checkers.set(document, (check = responseChecker(document)));
  return check;
}

// supertest's own step that runs a request's expectations and calls back: every answer passes it
type Assert = (this: { method: string; url: string }, resError: unknown, res: Answer | undefined, fn: Callback) => void;
const prototype = Test.prototype as unknown as { assert: Assert };
const original = prototype.assert;
prototype.assert = function checkedAssert(this: { method: string; url: string }, resError: unknown, res: Answer | undefined, fn: Callback) {
  const strapi = (global as unknown as { strapi?: Core.Strapi }).strapi;
  // only answers of an app this file booted (not of other servers the test talks to)
  if (!res || !strapi?.plugin?.('access') || !this.url.includes('/api/')) return original.call(this, resError, res, fn);
  const url = new URL(this.url);
  checkerOf(strapi).then(
    (check) => {
      const problem = check(this.method, url.pathname, res.status, res.type, res.body);
      if (problem && fn) return fn(new Error(`The answer does not match the OpenAPI document: ${problem}`), res);
      return original.call(this, resError, res, fn);
    },
    (error: unknown) => (fn ? fn(error, res) : undefined),
  );
};
