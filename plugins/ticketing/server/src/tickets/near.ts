import type { FieldDefinition, ValueKind } from '../field-types';
import { fieldExpression, quoteTypeKey } from './form-expressions';

/** The form fields a ticket's position is read from (bs-fault, site-survey), number fields in degrees. */
export const LONGITUDE_KEY = 'longitude';
export const LATITUDE_KEY = 'latitude';

/** Mean earth radius (IUGG), metres: the sphere the distances are measured on. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Half the circumference: no two points are farther apart, so no radius needs to be larger. */
export const MAX_RADIUS_M = Math.PI * EARTH_RADIUS_M;

/** Where "near" measures from, and (optionally) how far it looks, in metres. */
export interface NearPoint {
  lng: number;
  lat: number;
  radius?: number;
}

/** A longitude/latitude rectangle in degrees: [minLng, minLat, maxLng, maxLat]. */
export type Box = [number, number, number, number];

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** `near=<lng>,<lat>` and `radius=<metres>` checked; the message of a bad one names the parameter (a 400). */
export function parseNear(near: unknown, radius: unknown): { ok: true; value: NearPoint } | { ok: false; error: string } {
  const parts = typeof near === 'string' ? near.split(',').map((s) => s.trim()) : [];
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) {
    return { ok: false, error: 'near must be "<longitude>,<latitude>" in decimal degrees, e.g. near=121.47,31.23' };
  }
  const [lng, lat] = parts.map(Number);
  if (lng < -180 || lng > 180) return { ok: false, error: `near: longitude must be between -180 and 180, got ${parts[0]}` };
  if (lat < -90 || lat > 90) return { ok: false, error: `near: latitude must be between -90 and 90, got ${parts[1]}` };
  if (radius === undefined) return { ok: true, value: { lng, lat } };
  const metres = typeof radius === 'string' && NUMBER.test(radius.trim()) ? Number(radius) : NaN;
  if (!(metres > 0 && metres <= MAX_RADIUS_M)) {
    return { ok: false, error: `radius must be a distance in metres above 0 and at most ${Math.floor(MAX_RADIUS_M)}, got "${String(radius)}"` };
  }
  return { ok: true, value: { lng, lat, radius: metres } };
}

const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

/**
 * The rectangles (degrees) that hold every point within `radius` metres of (lng, lat) on the
 * sphere — what an index can look up; the exact distance then decides. One rectangle, two
 * when the circle crosses the 180th meridian, the whole longitude range when it holds a pole,
 * null when it covers the whole earth.
 */
export function boundingBoxes(lng: number, lat: number, radius: number): Box[] | null {
  const angle = radius / EARTH_RADIUS_M;
  if (angle >= Math.PI) return null;
  const phi = toRad(lat);
  const minLat = toDeg(phi - angle);
  const maxLat = toDeg(phi + angle);
  if (maxLat >= 90 || minLat <= -90) return [[-180, Math.max(minLat, -90), 180, Math.min(maxLat, 90)]];
  // the widest longitude span of the circle (at the latitude where it touches its meridians)
  const span = toDeg(Math.asin(Math.sin(angle) / Math.cos(phi)));
  const west = lng - span;
  const east = lng + span;
  if (west < -180) return [[west + 360, minLat, 180, maxLat], [-180, minLat, east, maxLat]];
  if (east > 180) return [[west, minLat, 180, maxLat], [-180, minLat, east - 360, maxLat]];
  return [[west, minLat, east, maxLat]];
}

/** Exact great-circle distance in metres (haversine), for tests and the client's arithmetic alike. */
export function haversineMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const a = Math.sin(toRad(lat2 - lat1) / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(toRad(lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The decimal value kind both coordinates must have: their SQL (a float8 cast) is what the index is built on. */
export const isCoordinateKind = (kind: ValueKind | undefined) => kind?.cast === 'float8';

/** Whether a type's fields hold a position: numeric `longitude` and `latitude`. */
export function hasPosition(fields: Iterable<FieldDefinition>, kindOf: (field: FieldDefinition) => ValueKind | undefined): boolean {
  const byKey = new Map([...fields].map((f) => [f.key, f]));
  const lng = byKey.get(LONGITUDE_KEY);
  const lat = byKey.get(LATITUDE_KEY);
  return !!lng && !!lat && isCoordinateKind(kindOf(lng)) && isCoordinateKind(kindOf(lat));
}

const DECIMAL = { cast: 'float8' } as ValueKind;
const LNG_SQL = fieldExpression(LONGITUDE_KEY, DECIMAL);
const LAT_SQL = fieldExpression(LATITUDE_KEY, DECIMAL);

/** The ticket's position as a PostgreSQL point (x = longitude, y = latitude): the GiST index's expression. */
export const POSITION_SQL = `point(${LNG_SQL}, ${LAT_SQL})`;

/** The partial GiST index of one type's positions (its WHERE must match the list query's literally). */
export function positionIndexStatement(name: string, table: string, typeKey: string): string {
  return `CREATE INDEX IF NOT EXISTS ${name} ON ${table} USING gist (${POSITION_SQL}) WHERE type_key = ${quoteTypeKey(typeKey)}`;
}

/** The haversine distance in metres from the bound point (?, ? = lng, lat) to the ticket's position. */
export const DISTANCE_SQL =
  `(2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(` +
  `power(sin(radians(${LAT_SQL} - ?::float8) / 2), 2) + ` +
  `cos(radians(?::float8)) * cos(radians(${LAT_SQL})) * power(sin(radians(${LNG_SQL} - ?::float8) / 2), 2)))))`;

/** The bindings of DISTANCE_SQL for a point. */
export const distanceBindings = (p: { lng: number; lat: number }) => [p.lat, p.lat, p.lng];

/**
 * The WHERE of "tickets of these types within `radius` of p" (any distance without a radius):
 * per type, its `type_key` inlined and the position in a bounding box, so each type's partial
 * GiST index applies; then the exact distance. No types: nothing matches.
 */
export function nearWhere(types: readonly string[], p: { lng: number; lat: number }, radius: number | undefined): { sql: string; bindings: number[] } {
  if (!types.length) return { sql: 'false', bindings: [] };
  const boxes = radius === undefined ? null : boundingBoxes(p.lng, p.lat, radius);
  const inBox = boxes ? boxes.map(() => `${POSITION_SQL} <@ box(point(?::float8, ?::float8), point(?::float8, ?::float8))`) : [`${POSITION_SQL} IS NOT NULL`];
  const boxBindings = boxes ? boxes.flat() : [];
  const parts = types.map((t) => `(type_key = ${quoteTypeKey(t)} AND (${inBox.join(' OR ')}))`);
  const bindings = types.flatMap(() => boxBindings);
  if (radius === undefined) return { sql: `(${parts.join(' OR ')})`, bindings };
  return { sql: `(${parts.join(' OR ')}) AND ${DISTANCE_SQL} <= ?::float8`, bindings: [...bindings, ...distanceBindings(p), radius] };
}
