/** A short line in an edge's stroke style, for legends and filters. */
export function StrokeSample({ dash, color, opacity = 1 }: { dash?: string; color: string; opacity?: number }) {
  return (
    <svg width="28" height="8" aria-hidden className="shrink-0">
      <line
        x1="1"
        y1="4"
        x2="27"
        y2="4"
        stroke={color}
        strokeWidth="2"
        strokeDasharray={dash}
        strokeLinecap="round"
        opacity={opacity}
      />
    </svg>
  );
}
