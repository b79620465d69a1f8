/** One recognition batch: indices into the crop list, all padded to `width` columns. */
export interface RecBatch {
  width: number;
  members: number[];
}

/** Batching parameters (see `PipelineConfig['rec']`). */
export interface RecBatchOptions {
  batchSize: number;
  widthBudget: number;
  minWidth: number;
  bucketStep: number;
}

/**
 * Padded width of a crop `width` columns wide: at least `minWidth`, rounded up to a multiple
 * of `bucketStep`. It depends on the crop alone, never on its batch-mates, so a line reads the
 * same whether its image came alone or with seven others. Pure.
 */
export function recBucketWidth(width: number, opts: Pick<RecBatchOptions, 'minWidth' | 'bucketStep'>): number {
  return Math.max(opts.minWidth, Math.ceil(width / opts.bucketStep) * opts.bucketStep);
}

/**
 * Plans recognition batches over crops of any number of images: crops are grouped by padded
 * width, and a group is cut into batches of at most `batchSize` crops and `widthBudget` padded
 * columns. The budget exists because on CPU a batch of long lines runs slower per line than
 * the lines one by one (cache pressure), while short lines gain from batching. Batches come
 * narrowest first. Pure.
 */
export function planRecBatches(widths: readonly number[], opts: RecBatchOptions): RecBatch[] {
  const groups = new Map<number, number[]>();
  widths.forEach((w, i) => {
    const padded = recBucketWidth(w, opts);
    const group = groups.get(padded);
    if (group) group.push(i);
    else groups.set(padded, [i]);
  });
  const batches: RecBatch[] = [];
  for (const width of [...groups.keys()].sort((a, b) => a - b)) {
    const perBatch = Math.max(1, Math.min(opts.batchSize, Math.floor(opts.widthBudget / width)));
    const members = groups.get(width)!;
    for (let s = 0; s < members.length; s += perBatch) batches.push({ width, members: members.slice(s, s + perBatch) });
  }
  return batches;
}
