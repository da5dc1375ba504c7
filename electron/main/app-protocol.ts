import { protocol } from 'electron';
import { APP_SCHEME } from './app-url';
import { createRendererFileHandler, type RendererFilesOptions } from './renderer-files';

/**
 * app:// as a standard, secure scheme: the page gets a real origin ('self' in
 * the CSP means app://renderer), a secure context like https, and fetch.
 * corsEnabled stays off so no other origin can read app:// responses.
 * Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the code it compiled from the app's scripts between starts, as it does for websites.
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer under app://renderer/, each response with the CSP header. */
export function serveRenderer(options: RendererFilesOptions): void {
  protocol.handle(APP_SCHEME, createRendererFileHandler(options));
}
