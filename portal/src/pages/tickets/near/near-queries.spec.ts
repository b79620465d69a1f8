import { describe, expect, it } from 'vitest';
import { distanceParts, nearQuery, NEAR_PAGE_SIZE } from './near-queries';

describe('nearQuery', () => {
  it('asks for the open tickets nearest to the point, to 6 decimals', () => {
    const query = nearQuery({ lng: 121.4700001234, lat: -31.23 }, 2);
    expect(query.get('near')).toBe('121.470000,-31.230000');
    expect(query.get('status')).toBe('draft,submitted,in_progress,resolved,rejected');
    expect(query.get('page')).toBe('2');
    expect(query.get('pageSize')).toBe(String(NEAR_PAGE_SIZE));
    expect(query.has('sort')).toBe(false);
  });
});

describe('distanceParts', () => {
  it.each([
    [0, 'metres', '0'],
    [999.4, 'metres', '999'],
    [999.6, 'km', '1.0'],
    [3456, 'km', '3.5'],
    [99_949, 'km', '99.9'],
    [100_000, 'km', '100'],
    [1_234_567, 'km', '1235'],
  ])('%d m → %s %s', (metres, unit, n) => expect(distanceParts(metres)).toEqual({ unit, n }));
});
