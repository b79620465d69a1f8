import { planRecBatches, recBucketWidth } from './rec-batches';

describe('recBucketWidth', () => {
  it('floors at minWidth and rounds up to the bucket step', () => {
    const opts = { minWidth: 320, bucketStep: 64 };
    expect(recBucketWidth(10, opts)).toBe(320);
    expect(recBucketWidth(320, opts)).toBe(320);
    expect(recBucketWidth(321, opts)).toBe(384);
    expect(recBucketWidth(384, opts)).toBe(384);
  });
});

describe('planRecBatches', () => {
  const opts = { batchSize: 3, widthBudget: 2000, minWidth: 320, bucketStep: 64 };

  it('groups crops of one padded width, narrowest first, within the count and the column budget', () => {
    const widths = [900, 100, 120, 880, 110, 2000, 300];
    expect(planRecBatches(widths, opts)).toEqual([
      { width: 320, members: [1, 2, 4] },
      { width: 320, members: [6] },
      { width: 896, members: [3] },
      { width: 960, members: [0] },
      { width: 2048, members: [5] },
    ]);
  });

  it('pads a crop to the same width whatever else is in the request', () => {
    const alone = planRecBatches([500], opts);
    const crowded = planRecBatches([100, 500, 1500, 510, 2600], opts);
    const widthOf = (plan: ReturnType<typeof planRecBatches>, i: number) => plan.find((b) => b.members.includes(i))!.width;
    expect(widthOf(crowded, 1)).toBe(widthOf(alone, 0));
  });
});
