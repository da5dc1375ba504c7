import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  IPC_EVENT_PREFIX,
  IPC_INVOKE_PREFIX,
  type ChannelName,
} from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import type { AppRuntime, Logger } from '../core/runtime/types';
import type { AppUrl } from './app-url';

/**
 * One ipcMain handler per contract channel. The runtime validates every input;
 * this layer only decides who may call at all: the app's own top-level page.
 */
export function registerIpc(runtime: AppRuntime, appUrl: AppUrl, logger: Logger): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(IPC_INVOKE_PREFIX + channel, (event, input: unknown) =>
      handleInvoke(runtime, appUrl, logger, event, channel, input),
    );
  }
  const unsubscribes = EVENT_NAMES.map((name) =>
    runtime.events.on(name, (payload) => broadcast(appUrl, IPC_EVENT_PREFIX + name, payload)),
  );
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(IPC_INVOKE_PREFIX + channel);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}

async function handleInvoke(
  runtime: AppRuntime,
  appUrl: AppUrl,
  logger: Logger,
  event: IpcMainInvokeEvent,
  channel: ChannelName,
  input: unknown,
): Promise<IpcResult<unknown>> {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !appUrl.isAppPage(frame.url)) {
    logger.warn('Rejected an IPC call from outside the app page', { channel, url: frame?.url ?? null });
    return { ok: false, error: { kind: 'unauthorized', message: 'This page may not call the app.' } };
  }
  return runtime.invoke(channel, input);
}

function broadcast(appUrl: AppUrl, channel: string, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (!contents.isDestroyed() && appUrl.isAppPage(contents.getURL())) contents.send(channel, payload);
  }
}
