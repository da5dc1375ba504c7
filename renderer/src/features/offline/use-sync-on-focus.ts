import { useEffect, useRef } from 'react';
import { useSyncNow } from '../../api/mutations';

const MIN_INTERVAL_MS = 30_000;

/** Coming back to the window is when a person expects fresh numbers; at most once per 30 s. */
export function useSyncOnFocus(): void {
  const { mutate: syncNow } = useSyncNow();
  const lastRequest = useRef(0);

  useEffect(() => {
    function onReturn() {
      if (document.visibilityState !== 'visible') return;
      const now = Date.now();
      if (now - lastRequest.current < MIN_INTERVAL_MS) return;
      lastRequest.current = now;
      syncNow();
    }
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [syncNow]);
}
