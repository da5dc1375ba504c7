import { useEffect } from 'react';
import { api } from '../../api/bridge';

/** Often enough that an outage (or the return) shows within 15 s, counting the check's own few seconds. */
const PROBE_INTERVAL_MS = 10_000;

/**
 * While the window is visible, asks the core every few seconds whether the
 * billing API still answers, so "Synced just now" never outlives an outage.
 * A hidden window asks nothing; the core's own retries carry on. What the
 * check learns arrives like every status change, as a sync.status event.
 */
export function useReachabilityProbe(): void {
  useEffect(() => {
    let timer: number | undefined;
    const schedule = () => {
      window.clearTimeout(timer);
      if (document.visibilityState !== 'visible') return;
      timer = window.setTimeout(() => void probe(), PROBE_INTERVAL_MS);
    };
    async function probe() {
      try {
        await api.invoke('sync.probe', {});
      } catch {
        // The core itself is out of reach (web host stopped): the event stream says so.
      }
      schedule();
    }
    schedule();
    document.addEventListener('visibilitychange', schedule);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', schedule);
    };
  }, []);
}
