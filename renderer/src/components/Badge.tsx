import type { ReactNode } from 'react';

type BadgeTone = 'neutral' | 'accent' | 'warning' | 'danger';

/** A short status label; the words carry the meaning, the colour only reinforces it. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
