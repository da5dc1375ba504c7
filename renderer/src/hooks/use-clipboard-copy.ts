import { useCallback, useState } from 'react';

export interface CopyAttempt<T> {
  item: T;
  /** False when the clipboard refused: the caller shows the text to select instead. */
  copied: boolean;
}

/**
 * Copies an item's text to the clipboard and remembers how the last attempt
 * went, so the screen can say "copied" or offer the text to select by hand
 * (a browser without clipboard permission, an unfocused window).
 */
export function useClipboardCopy<T>(textOf: (item: T) => string) {
  const [attempt, setAttempt] = useState<CopyAttempt<T> | null>(null);
  const copy = useCallback(
    async (item: T) => {
      try {
        await navigator.clipboard.writeText(textOf(item));
        setAttempt({ item, copied: true });
      } catch {
        setAttempt({ item, copied: false });
      }
    },
    [textOf],
  );
  return { attempt, copy };
}
