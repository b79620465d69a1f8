import type { Core } from '@strapi/strapi';
import { numberFilePart } from '../src/uploads/part-sequence';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'global::request-log',
  // outside everything that answers, so each request is counted with the status it got
  'plugin::jobs.http-metrics',
  'global::health',
  // before security headers and body parsing: see each middleware's doc
  'plugin::jobs.metrics',
  'plugin::jobs.board',
  'strapi::errors',
  // services' domain errors (not found, conflict, missing right, invalid) as Strapi's error answers
  'plugin::access.domain-errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // the portal's dev origin unless the deployment says otherwise
      origin: env.array('CORS_ORIGINS', ['http://localhost:5173']),
      credentials: true,
    },
  },
  // a path or query that is not UTF-8 or holds a NUL is a 400; so is a body the parser cannot read
  'plugin::access.input-guard',
  'strapi::query',
  // parts numbered as they arrive, so multi-file uploads keep the client's order
  { name: 'strapi::body', config: { formidable: { onFileBegin: numberFilePart } } },
  // NUL and lone surrogates anywhere in the parsed query and body are a 400; file names lose bidi and control characters
  'plugin::access.body-guard',
  'global::auth-rate-limit',
  'global::refresh-families',
  'global::auth-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
