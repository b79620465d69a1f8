/** `ids` with the one at `from` moved to index `to` (both clamped to the list). */
export function moveItem<T>(ids: readonly T[], from: number, to: number): T[] {
  const next = [...ids];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** The order after dropping photo `dragged` onto photo `target`: it takes the target's place. */
export function dropOnto(ids: readonly string[], dragged: string, target: string): string[] {
  const from = ids.indexOf(dragged);
  const to = ids.indexOf(target);
  return from < 0 || to < 0 || from === to ? [...ids] : moveItem(ids, from, to);
}
