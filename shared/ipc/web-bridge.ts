/**
 * How the web host carries the IPC contract over HTTP, so that the same
 * renderer runs unchanged in a browser. Both the web host and the renderer's
 * HTTP bridge read these constants.
 *
 * - The host prints a URL carrying a per-run `?secret=`; opening it sets an
 *   HttpOnly, SameSite=Strict session cookie and redirects to `/`.
 * - `POST {WEB_INVOKE_PATH}<channel>` with a JSON body invokes a channel and
 *   answers with an IpcResult envelope (always HTTP 200 once authenticated).
 * - `GET {WEB_EVENTS_PATH}` is a server-sent event stream; each SSE event's
 *   name is an EventName and its data the JSON payload.
 */
export const WEB_INVOKE_PATH = '/api/invoke/';
export const WEB_EVENTS_PATH = '/api/events';
export const WEB_SECRET_QUERY = 'secret';
export const webSessionCookieName = (port: number) => `abc_session_${port}`;
