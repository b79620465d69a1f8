import { NAMED_KEY, ref, type JsonSchema } from './spec-types';

/**
 * Moves every schema declared with `named(name, …)` into `components` and leaves a `$ref` in
 * its place. Two different shapes under one name are a mistake in a spec: thrown, so the
 * document test names it.
 */
export function hoistNamed(value: unknown, components: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => hoistNamed(item, components));
  if (!value || typeof value !== 'object') return value;
  const { [NAMED_KEY]: name, ...rest } = value as Record<string, unknown>;
  const walked = Object.fromEntries(Object.entries(rest).map(([key, item]) => [key, hoistNamed(item, components)]));
  if (typeof name !== 'string') return walked;
  const known = components[name];
  if (known && JSON.stringify(known) !== JSON.stringify(walked)) throw new Error(`OpenAPI: two different schemas are named ${name}`);
  components[name] = walked;
  return ref(name);
}
