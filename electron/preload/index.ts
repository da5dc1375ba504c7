import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_PREFIX,
  IPC_INVOKE_PREFIX,
  isChannelName,
  isEventName,
  type RawBridge,
} from '../../shared/ipc/contract';

/**
 * The page's only door to the app: contract channels and events, nothing else.
 * Unknown names are refused here, before anything reaches the main process,
 * and listeners never see Electron's event object (it carries the sender).
 */
const api: RawBridge = {
  invoke(channel, input) {
    if (!isChannelName(channel)) {
      return Promise.reject(new Error(`Unknown IPC channel: ${String(channel)}`));
    }
    return ipcRenderer.invoke(IPC_INVOKE_PREFIX + channel, input);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown IPC event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
    const channel = IPC_EVENT_PREFIX + event;
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
