import { InvalidError } from '../errors/domain-errors';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The `data` object of a Strapi-style request body; a 400 when it is missing or not an object. */
export function bodyData(body: unknown): Record<string, unknown> {
  if (!isObject(body) || !isObject(body.data)) throw new InvalidError('Body must be { "data": { … } }');
  return body.data;
}
