import { boundingBoxes, EARTH_RADIUS_M, haversineMetres, parseNear } from './near';

describe('parseNear', () => {
  it('reads "<lng>,<lat>" and an optional radius in metres', () => {
    expect(parseNear('121.47, 31.23', undefined)).toEqual({ ok: true, value: { lng: 121.47, lat: 31.23 } });
    expect(parseNear('-0.5,+51.5', '250.5')).toEqual({ ok: true, value: { lng: -0.5, lat: 51.5, radius: 250.5 } });
  });
  it.each([
    ['x,1', undefined],
    ['1e2,3', undefined],
    ['180.1,0', undefined],
    ['0,90.01', undefined],
    ['0,0', '0'],
    ['0,0', 'Infinity'],
    ['0,0', String(EARTH_RADIUS_M * 4)],
  ])('refuses near=%s radius=%s', (near, radius) => expect(parseNear(near, radius).ok).toBe(false));
});

describe('boundingBoxes', () => {
  const inside = (boxes: ReturnType<typeof boundingBoxes>, lng: number, lat: number) =>
    boxes === null || boxes.some(([w, s, e, n]) => lng >= w && lng <= e && lat >= s && lat <= n);

  it('holds every point of the circle, at mid latitudes, across the 180th meridian and around a pole', () => {
    for (const [lng, lat, radius] of [
      [121.47, 31.23, 5_000],
      [179.9, -16.5, 50_000],
      [-179.9, 60, 200_000],
      [10, 89.5, 100_000],
      [0, 0, 3_000_000],
    ]) {
      const boxes = boundingBoxes(lng, lat, radius);
      // points on the circle's edge, just inside, in 360 bearings
      for (let bearing = 0; bearing < 360; bearing += 1) {
        const d = (radius * 0.999) / EARTH_RADIUS_M;
        const b = (bearing * Math.PI) / 180;
        const phi1 = (lat * Math.PI) / 180;
        const phi2 = Math.asin(Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(b));
        const lambda = (lng * Math.PI) / 180 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(phi1), Math.cos(d) - Math.sin(phi1) * Math.sin(phi2));
        const lng2 = ((((lambda * 180) / Math.PI + 540) % 360) - 180);
        const lat2 = (phi2 * 180) / Math.PI;
        expect(haversineMetres(lng, lat, lng2, lat2)).toBeLessThan(radius);
        expect(inside(boxes, lng2, lat2)).toBe(true);
      }
    }
  });

  it('is one tight box in the open, two across the meridian, a band around a pole, nothing for the whole earth', () => {
    const [box] = boundingBoxes(121.47, 31.23, 1_000)!;
    expect(box[2] - box[0]).toBeCloseTo((2 * 1_000) / (111_195 * Math.cos((31.23 * Math.PI) / 180)), 4);
    expect(boundingBoxes(179.99, 0, 5_000)).toHaveLength(2);
    expect(boundingBoxes(0, 89.9, 50_000)).toEqual([[-180, expect.any(Number), 180, 90]]);
    expect(boundingBoxes(0, 0, Math.PI * EARTH_RADIUS_M)).toBeNull();
  });
});
