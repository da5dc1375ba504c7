import type { RawBridge, RendererApi } from '../../../shared/ipc/contract';
import { createRendererApi } from '../../../shared/ipc/renderer-api';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer runs in a browser against the web host. */
    api?: RawBridge;
  }
}

function selectRawBridge(): RawBridge {
  return window.api ?? createHttpBridge();
}

/** The single typed API the whole renderer talks through. */
export const api: RendererApi = createRendererApi(selectRawBridge());
