import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { CoreEvents, Logger } from './types';

type AnyListener = (payload: unknown) => void;

export interface EventBus extends CoreEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** Delivers core events to every subscriber; one failing listener never stops the others. */
export function createEventBus(logger: Logger): EventBus {
  const listeners = new Map<EventName, Set<AnyListener>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as AnyListener;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          logger.error('An event listener failed', { event, error: String(error) });
        }
      }
    },
  };
}
