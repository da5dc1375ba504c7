import type { ChannelName, EventName, RawBridge } from '../../../shared/ipc/contract';
import type { AppErrorShape, IpcResult } from '../../../shared/ipc/errors';
import { WEB_EVENTS_PATH, WEB_INVOKE_PATH } from '../../../shared/ipc/web-bridge';

type Listener = (payload: unknown) => void;

function failure(error: AppErrorShape): IpcResult<never> {
  return { ok: false, error };
}

function failureForStatus(status: number): IpcResult<never> {
  if (status === 401 || status === 403) {
    return failure({
      kind: 'unauthorized',
      message: 'This browser session is not signed in to the app. Open the link the web host printed.',
    });
  }
  return failure({ kind: 'server', message: `The app host answered with an error (HTTP ${status}).` });
}

/**
 * The web host's transport for the IPC contract: one POST per call, and one
 * shared server-sent event stream fanned out to every listener.
 */
export function createHttpBridge(): RawBridge {
  const listeners = new Map<EventName, Set<Listener>>();
  const forwarders = new Map<EventName, (message: MessageEvent<string>) => void>();
  let source: EventSource | null = null;

  function openSource(): EventSource {
    source ??= new EventSource(WEB_EVENTS_PATH);
    return source;
  }

  function closeIfUnused(): void {
    if (source && listeners.size === 0) {
      source.close();
      source = null;
      forwarders.clear();
    }
  }

  function dispatch(event: EventName, message: MessageEvent<string>): void {
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      return;
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  return {
    async invoke(channel: ChannelName, input: unknown): Promise<unknown> {
      let response: Response;
      try {
        response = await fetch(`${WEB_INVOKE_PATH}${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure({
          kind: 'offline',
          message: "Can't reach the app host. Check that it is still running.",
        });
      }
      if (!response.ok) return failureForStatus(response.status);
      try {
        return await response.json();
      } catch {
        return failure({ kind: 'internal', message: 'The app host sent a reply that is not JSON.' });
      }
    },

    on(event: EventName, listener: Listener): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      if (!forwarders.has(event)) {
        const forward = (message: MessageEvent<string>) => dispatch(event, message);
        forwarders.set(event, forward);
        openSource().addEventListener(event, forward);
      }
      return () => {
        const current = listeners.get(event);
        if (!current?.delete(listener) || current.size > 0) return;
        listeners.delete(event);
        const forward = forwarders.get(event);
        if (forward) source?.removeEventListener(event, forward);
        forwarders.delete(event);
        closeIfUnused();
      };
    },
  };
}
