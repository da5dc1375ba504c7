/** Where the web host keeps its cache when APP_DATA_DIR is not set, following each OS's convention. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const WEB_APP_DIR_NAME = 'Agency Billing Companion (web)';

export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), WEB_APP_DIR_NAME);
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', WEB_APP_DIR_NAME);
  }
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), WEB_APP_DIR_NAME);
}
