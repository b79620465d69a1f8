import { useEffect, useRef, useState } from 'react';
import { isQuad, scaleQuad, svgPoints, type Size } from './ocr-overlay';
import type { OcrLine, Quad } from './ocr-types';

interface Props {
  url: string;
  name: string;
  /** The size of the upright image the boxes are measured in (the OCR result's); null before any result. */
  size: Size | null;
  lines: OcrLine[];
  /** The source of the hovered suggestion on this photo: its box and line indexes. */
  highlight: { box: Quad; lines: number[] } | null;
}

/**
 * A photo with its recognised lines drawn over it: an SVG the size of the image as displayed,
 * each box scaled from the image's pixels; the hovered suggestion's source stands out.
 */
export function OcrPhoto({ url, name, size, lines, highlight }: Props) {
  const image = useRef<HTMLImageElement>(null);
  const [shown, setShown] = useState<Size>({ width: 0, height: 0 });

  useEffect(() => {
    const img = image.current;
    if (!img) return;
    const measure = () => setShown({ width: img.clientWidth, height: img.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return; // the load handler measures once
    const observer = new ResizeObserver(measure);
    observer.observe(img);
    return () => observer.disconnect();
  }, [url]);

  const scaled = (box: unknown) => (size && isQuad(box) ? scaleQuad(box, size, shown) : null);
  const marked = new Set(highlight?.lines ?? []);
  const highlightBox = highlight ? scaled(highlight.box) : null;
  return (
    <div style={{ position: 'relative', lineHeight: 0 }} data-testid="ocr-photo" data-name={name}>
      <img
        ref={image}
        src={url}
        alt={name}
        style={{ width: '100%', height: 'auto', display: 'block', borderRadius: 4 }}
        onLoad={(e) => setShown({ width: e.currentTarget.clientWidth, height: e.currentTarget.clientHeight })}
      />
      {shown.width > 0 && (
        <svg
          width={shown.width}
          height={shown.height}
          style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
          data-testid="ocr-overlay"
        >
          {lines.map((line, index) => {
            const quad = scaled(line.box);
            if (!quad) return null;
            const on = marked.has(index);
            return (
              <polygon
                key={index}
                data-testid="ocr-box"
                data-line={index}
                data-marked={on || undefined}
                points={svgPoints(quad)}
                fill={on ? 'rgba(250, 84, 28, 0.18)' : 'rgba(22, 119, 255, 0.08)'}
                stroke={on ? '#fa541c' : '#1677ff'}
                strokeWidth={on ? 2 : 1}
              >
                <title>{line.text}</title>
              </polygon>
            );
          })}
          {highlightBox && (
            <polygon data-testid="ocr-highlight" points={svgPoints(highlightBox)} fill="none" stroke="#fa541c" strokeWidth={3} strokeDasharray="6 3" />
          )}
        </svg>
      )}
    </div>
  );
}
