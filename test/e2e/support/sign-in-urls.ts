/**
 * Gets a running web host's sign-in URLs the way a person does: the one it
 * printed at start, then a new one for each Enter pressed in its terminal
 * (here: a line written to its stdin). Each URL signs one browser in, once.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** How long a running host may take to print the URL a line asked for. */
const NEW_URL_TIMEOUT_MS = 10_000;

export class SignInUrlRequests {
  private unopened: string | null;
  private awaiting: ((url: string) => void) | null = null;
  /** One request at a time, so each caller gets the URL its own line made the host print. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    printedAtStart: string,
    private readonly hostOutput: () => string,
  ) {
    this.unopened = printedAtStart;
    // A line written after the host died must fail only the request that wrote it, not the test run.
    child.stdin.on('error', () => undefined);
  }

  /** Every `App:` URL the host prints after start-up. */
  printed(url: string): void {
    this.awaiting?.(url);
  }

  next(): Promise<string> {
    const url = this.queue.then(() => this.ask());
    this.queue = url.catch(() => undefined);
    return url;
  }

  private async ask(): Promise<string> {
    if (this.unopened !== null) {
      const url = this.unopened;
      this.unopened = null;
      return url;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<string>((resolveUrl, rejectUrl) => {
        this.awaiting = resolveUrl;
        timer = setTimeout(
          () => rejectUrl(new Error(`The web host printed no new sign-in URL.\n${this.hostOutput()}`)),
          NEW_URL_TIMEOUT_MS,
        );
        this.child.stdin.write('\n');
      });
    } finally {
      clearTimeout(timer);
      this.awaiting = null;
    }
  }
}
