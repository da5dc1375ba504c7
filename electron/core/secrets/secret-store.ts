/** Where the billing API credentials live. Electron backs this with safeStorage; the web host keeps them in memory. */
export interface Credentials {
  apiUrl: string;
  token: string;
}

export interface SecretStore {
  load(): Promise<Credentials | null>;
  save(credentials: Credentials): Promise<void>;
  clear(): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  private credentials: Credentials | null;

  constructor(initial: Credentials | null = null) {
    this.credentials = initial;
  }

  async load(): Promise<Credentials | null> {
    return this.credentials;
  }

  async save(credentials: Credentials): Promise<void> {
    this.credentials = credentials;
  }

  async clear(): Promise<void> {
    this.credentials = null;
  }
}
