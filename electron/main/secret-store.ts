import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { Logger } from '../core/runtime/types';
import type { Credentials, SecretStore } from '../core/secrets/secret-store';

const StoredCredentials = z.object({ apiUrl: z.string().min(1), token: z.string().min(1) });

/**
 * Billing API credentials encrypted with the OS keychain (safeStorage) in a file
 * under userData. When the OS offers no real encryption (no keychain, or
 * Linux's hard-coded "basic_text" key) nothing is written: the credentials live
 * in memory for this session only, and the user signs in again next time.
 */
export class SafeStorageSecretStore implements SecretStore {
  private memory: Credentials | null = null;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
  ) {}

  async load(): Promise<Credentials | null> {
    if (this.memory) return this.memory;
    if (!(await this.encryptionAvailable())) return null;
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.file);
    } catch {
      return null;
    }
    try {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      const credentials = StoredCredentials.parse(JSON.parse(result));
      if (shouldReEncrypt) await this.save(credentials);
      return credentials;
    } catch (error) {
      this.logger.warn('Stored credentials could not be decrypted; signing in again is needed', {
        error: String(error),
      });
      return null;
    }
  }

  async save(credentials: Credentials): Promise<void> {
    const valid = StoredCredentials.parse(credentials);
    if (!(await this.encryptionAvailable())) {
      this.logger.warn(
        'OS encryption (safeStorage) is unavailable, so credentials are kept in memory only and not saved to disk',
      );
      this.memory = valid;
      return;
    }
    const encrypted = await safeStorage.encryptStringAsync(JSON.stringify(valid));
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, encrypted, { mode: 0o600 });
    this.memory = null;
  }

  async clear(): Promise<void> {
    this.memory = null;
    await rm(this.file, { force: true });
  }

  private async encryptionAvailable(): Promise<boolean> {
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
      return false;
    return safeStorage.isAsyncEncryptionAvailable();
  }
}
