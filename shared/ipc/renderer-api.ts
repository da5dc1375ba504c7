import { AppError, ipcResultSchema } from './errors';
import { channels, events, type RawBridge, type RendererApi } from './contract';

/**
 * Wraps a raw bridge (Electron preload or web host) into the typed API the
 * renderer uses: results are validated against the contract, failures become
 * AppError with their kind, and pushed events are validated before listeners see them.
 */
export function createRendererApi(raw: RawBridge): RendererApi {
  return {
    async invoke(channel, input) {
      const envelope = ipcResultSchema(channels[channel].output).safeParse(await raw.invoke(channel, input));
      if (!envelope.success) {
        throw new AppError('internal', `The app core sent an unexpected reply to ${channel}.`);
      }
      if (!envelope.data.ok) throw AppError.fromShape(envelope.data.error);
      return envelope.data.value as never;
    },
    on(event, listener) {
      return raw.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as never);
      });
    },
  };
}
