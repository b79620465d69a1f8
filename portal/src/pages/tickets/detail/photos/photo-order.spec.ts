import { describe, expect, it } from 'vitest';
import { dropOnto, moveItem } from './photo-order';

describe('photo order', () => {
  it('moves one photo earlier or later', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('puts a dropped photo in the place of the one it was dropped on', () => {
    expect(dropOnto(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(dropOnto(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropOnto(['a', 'b'], 'a', 'a')).toEqual(['a', 'b']);
    expect(dropOnto(['a', 'b'], 'x', 'a')).toEqual(['a', 'b']);
  });
});
