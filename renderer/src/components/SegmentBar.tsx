export interface Segment {
  key: string;
  /** Styles the segment (its colour says which kind of tokens it is). */
  className: string;
  tokens: number;
}

/**
 * Decorative proportions of a token balance, drawn left to right. The numbers
 * beside it carry the meaning, so it is hidden from assistive technology.
 */
export function SegmentBar({
  className,
  height,
  total,
  segments,
  marker,
}: {
  /** Block class; the empty track is `<className>__track`, the marker `<className>__marker`. */
  className: string;
  height: number;
  total: number;
  segments: readonly Segment[];
  /** A thin line at this many tokens (a threshold), when it falls inside the bar. */
  marker?: number;
}) {
  let offset = 0;
  return (
    <svg
      className={className}
      viewBox={`0 0 100 ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className={`${className}__track`} x="0" y="0" width="100" height={height} />
      {total > 0 &&
        segments
          .filter((segment) => segment.tokens > 0)
          .map((segment) => {
            const width = (segment.tokens / total) * 100;
            const x = offset;
            offset += width;
            return (
              <rect
                key={segment.key}
                className={segment.className}
                x={x}
                y="0"
                width={width}
                height={height}
              />
            );
          })}
      {marker !== undefined && total > 0 && marker < total && (
        <rect
          className={`${className}__marker`}
          x={(marker / total) * 100 - 0.3}
          y="0"
          width="0.6"
          height={height}
        />
      )}
    </svg>
  );
}
