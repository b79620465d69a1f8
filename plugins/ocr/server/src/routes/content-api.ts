import { arrayOf, bool, data, int, nullable, object, ref, route, str, timestamp } from 'strapi-plugin-access';

const point = arrayOf({ type: 'number' });
const line = object({ text: str, confidence: { type: 'number' }, box: arrayOf(point) }, ['box']);
const result = object({
  image: object({ id: str, name: str, url: str, thumbnailUrl: str, width: int, height: int }, ['name', 'url', 'thumbnailUrl', 'width', 'height']),
  width: int,
  height: int,
  lines: arrayOf(line),
  engine: nullable(str),
  modelVersion: nullable(str),
  durationMs: nullable(int),
  job: nullable(str),
  updatedAt: timestamp,
}, ['engine', 'modelVersion', 'durationMs', 'job']);
const suggestion = object({
  field: str,
  value: {},
  raw: str,
  confidence: { type: 'number' },
  minCharConfidence: nullable({ type: 'number' }),
  unsure: bool,
  source: object({ image: str, lines: arrayOf(int), box: arrayOf(point) }, ['box']),
  display: str,
}, ['raw', 'minCharConfidence', 'display']);

/** Every route declares its right (config/roles.yaml), checked by the access plugin's has-right policy. */
export default {
  type: 'content-api',
  routes: [
    route('POST', '/jobs', 'ocr.createJob', 'ocr.trigger', {
      summary: 'Read a ticket\'s photos (all, or those named) as a job',
      body: object({ data: object({ ticket: str, images: arrayOf(str) }, ['images']) }),
      responses: { 202: data(ref('JobRecord')) },
    }),
    route('GET', '/results', 'ocr.results', 'ocr.trigger', {
      summary: 'The text read per photo of a ticket, with each line\'s confidence and box',
      query: { ticket: { type: 'string', required: true } },
      responses: { 200: data(arrayOf(result)) },
    }),
    route('GET', '/tickets/:id/suggestions', 'ocr.suggestions', 'ocr.trigger', {
      summary: 'Form values suggested from the text read (unsure ones marked)',
      responses: { 200: object({ data: arrayOf(suggestion), meta: object({ unparsed: arrayOf({}), leftovers: arrayOf({}) }, ['unparsed', 'leftovers']) }) },
    }),
    route('POST', '/tickets/:id/apply', 'ocr.apply', 'ocr.trigger', {
      summary: 'Apply accepted values to the ticket (validated, versioned, audited as ocr_apply)',
      body: object({ data: object({ values: { type: 'object' }, version: int }) }),
      responses: { 200: data(ref('Ticket')) },
    }),
  ],
};
