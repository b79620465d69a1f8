import { repairVariants } from './value-repair';

describe('repairVariants', () => {
  it('puts back the space OCR lost between a date and a time', () => {
    expect(repairVariants('2025/01/2009:13:32')).toContain('2025/01/20 09:13:32');
    expect(repairVariants('2026-11-2418:40')).toContain('2026-11-24 18:40');
  });

  it('reads letters next to digits as the digits they look like', () => {
    expect(repairVariants('nl')).toEqual(['n1']);
    expect(repairVariants('8l4')).toEqual(['814']);
    expect(repairVariants('1O5.2')).toEqual(['105.2']);
  });

  it('drops the brackets around a unit after a number', () => {
    expect(repairVariants('24 (m)')).toContain('24 m');
  });

  it('offers nothing for text it has no reason to touch', () => {
    expect(repairVariants('南京湖南路西5G宏站')).toEqual([]);
    expect(repairVariants('solar')).toEqual([]);
  });
});
