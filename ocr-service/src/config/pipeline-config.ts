/**
 * Every tunable of the OCR pipeline, one object, grouped by stage. Defaults follow PaddleOCR's
 * PP-OCRv4 inference defaults (tools/infer/utility.py) except where a comment says why not.
 */
export interface PipelineConfig {
  input: {
    /** Largest accepted encoded image, bytes (checked before decoding). */
    maxBytes: number;
    /** Largest accepted image, width × height from the header (checked before decoding). */
    maxPixels: number;
    /**
     * Background for flattening transparent images: `auto` picks white under dark ink and
     * black under light ink (alpha-weighted luminance of the visible pixels), so both
     * dark-on-transparent and light-on-transparent text keep their contrast.
     */
    flattenBackground: 'auto' | 'white' | 'black';
    /**
     * JPEGs at least twice this long are decoded shrunk by 2, 4 or 8 (longest side stays ≥
     * this), straight from the DCT: a 12 MP phone photo decodes several times faster, and
     * text that large loses nothing at half size. 0 = always full size.
     */
    shrinkJpegAbove: number;
  };
  det: {
    /** Longest side of the detector input, first pass (see detect-stage.ts). */
    probeSide: number;
    /** Boxes the first pass saw lower than this (detector pixels) get a second, full-size pass… */
    minTextHeight: number;
    /** …judged on this quantile of the boxes' heights (0.1 = all but the smallest tenth). */
    textHeightQuantile: number;
    /** Longest side of the detector input at most (query `maxSide`); larger images are scaled down. */
    maxSide: number;
    /** Images smaller than this on their shortest side are scaled up (tiny crops detect poorly)… */
    minSide: number;
    maxUpscale: number;
    /** Input sides are rounded to a multiple of this (the DBNet stride). */
    multiple: number;
    /** Per-channel mean/std in BGR channel order, as the model was trained. */
    mean: [number, number, number];
    std: [number, number, number];
    /** Probability above which a pixel is text (DB `thresh`). */
    binaryThreshold: number;
    /** Minimum mean probability inside a box to keep it (DB `box_thresh`). */
    boxThreshold: number;
    /** Box growth: each side moves out by area·ratio/perimeter (DB `unclip_ratio`). */
    unclipRatio: number;
    /** Boxes whose short side (in detector pixels) is below this are dropped. */
    minBoxSide: number;
    /** At most this many blobs are considered per image. */
    maxCandidates: number;
  };
  orientation: {
    /** Turn pages held sideways or upside down before reading them (see page-orientation.ts). */
    enabled: boolean;
    /** With the classifier on (query `cls`), also check wide-line pages for being upside down (one classifier batch per page). */
    upsideDownCheck: boolean;
    /** A box this many times longer one way than the other counts as a line for the check. */
    lineAspect: number;
    /** The page is sideways when at least this share of its lines stand tall. */
    sidewaysShare: number;
    /** Lines (the largest) the classifier looks at to decide the page's direction. */
    sampleSize: number;
  };
  order: {
    /** Two boxes share a row when their vertical overlap is at least this share of the shorter one. */
    rowOverlap: number;
  };
  crop: {
    /** A crop this many times taller than wide is turned 90° (vertical text). */
    verticalRatio: number;
  };
  cls: {
    /** Run the 0°/180° classifier by default (query `cls` overrides). */
    enabled: boolean;
    height: number;
    width: number;
    /** Flip a crop only when the classifier says 180° with at least this probability. */
    threshold: number;
    batchSize: number;
  };
  rec: {
    /** Recogniser input height. */
    height: number;
    /**
     * Crops are padded to at least this width. PaddleOCR pads to 320; short crops (a third of
     * the lines here are under 240 px) then spend most of their run on grey padding. 128
     * measured 13 % less recognition time at the same CER on the dev corpus (README).
     */
    minWidth: number;
    /** Very long crops are squeezed to this width (memory bound for one batch row). */
    maxWidth: number;
    /** Crops of one padded width are sent in batches of up to this many… */
    batchSize: number;
    /** …and of at most this many padded columns (batch size × batch width). */
    widthBudget: number;
    /** Crops are padded to a multiple of this width, whatever their batch (see rec-batches.ts). */
    bucketStep: number;
    /** Lines with a lower mean character probability are dropped (query `minConfidence`). */
    minConfidence: number;
  };
}

/** The defaults. Change them here, not in stage code. */
export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = {
  input: {
    maxBytes: 10 * 1024 * 1024,
    maxPixels: 40_000_000,
    flattenBackground: 'auto',
    shrinkJpegAbove: 2000,
  },
  det: {
    probeSide: 640,
    minTextHeight: 15,
    textHeightQuantile: 0.1,
    // PaddleOCR uses 960; forms with 14–17 px text at ~1800 px wide lose characters there,
    // so we allow more (the cost grows with pixels — see README benchmark).
    maxSide: 1280,
    // Small photos are scaled up (RapidOCR does the same with 736): on a 323×430 product
    // photo, DBNet at native size merges or misses short lines; at 640 it finds all 18.
    minSide: 640,
    /** …but never by more than this factor: a 136×48 line crop needs no 13× blow-up. */
    maxUpscale: 2,
    multiple: 32,
    mean: [0.485, 0.456, 0.406],
    std: [0.229, 0.224, 0.225],
    binaryThreshold: 0.3,
    boxThreshold: 0.6,
    unclipRatio: 1.5,
    minBoxSide: 3,
    maxCandidates: 1000,
  },
  orientation: {
    enabled: true,
    upsideDownCheck: true,
    lineAspect: 2,
    sidewaysShare: 0.6,
    sampleSize: 8,
  },
  order: {
    rowOverlap: 0.5,
  },
  crop: {
    verticalRatio: 1.5,
  },
  cls: {
    enabled: false,
    height: 48,
    width: 192,
    threshold: 0.9,
    batchSize: 8,
  },
  rec: {
    height: 48,
    minWidth: 128,
    maxWidth: 3200,
    batchSize: 8,
    widthBudget: 3200,
    bucketStep: 64,
    minConfidence: 0.5,
  },
};

/** Per-request overrides accepted from the query string. */
export interface PipelineOverrides {
  cls?: boolean;
  maxSide?: number;
  minConfidence?: number;
}
