export interface UpdateSupportFacts {
  /** False when running from source (electron-vite dev or preview). */
  isPackaged: boolean;
  /** Set by electron-vite when the renderer comes from its dev server. */
  devServerUrl: string | undefined;
  /** Whether the build carries an update feed (electron-builder writes app-update.yml from `publish`). */
  hasFeedConfig: boolean;
}

export type UpdateSupport = { supported: true } | { supported: false; reason: string };

/** Self-update only makes sense for an installed build that knows where its updates live. */
export function decideUpdateSupport(facts: UpdateSupportFacts): UpdateSupport {
  if (!facts.isPackaged || facts.devServerUrl) {
    return { supported: false, reason: 'running from source, not from an installed build' };
  }
  if (!facts.hasFeedConfig) return { supported: false, reason: 'this build has no update feed configured' };
  return { supported: true };
}
