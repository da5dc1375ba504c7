import { z } from 'zod';

/**
 * Where the app's self-update stands. 'unsupported' means this host never
 * updates itself (development, the web host, or a build without an update feed).
 */
export const UpdateState = z.enum([
  'unsupported',
  'idle',
  'checking',
  'available',
  'downloading',
  'ready',
  'error',
]);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateStatus = z.object({
  state: UpdateState,
  /** The version being offered, downloaded or ready to install. */
  version: z.string().min(1).nullable(),
  /** Download progress in percent while downloading. */
  progress: z.number().min(0).max(100).nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;
