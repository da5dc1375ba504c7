import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../../electron/core/config';

const DEFAULT_DIR = path.resolve('/tmp/abc-default');

describe('resolveConfig', () => {
  it('runs against the embedded sandbox when no billing API URL is set', () => {
    expect(resolveConfig({}, DEFAULT_DIR)).toEqual({ mode: 'sandbox', dataDir: DEFAULT_DIR, sandboxPort: 0 });
    expect(
      resolveConfig({ BILLING_API_URL: '', SANDBOX_PORT: '4010', APP_DATA_DIR: 'rel/dir' }, DEFAULT_DIR),
    ).toEqual({
      mode: 'sandbox',
      dataDir: path.resolve('rel/dir'),
      sandboxPort: 4010,
    });
  });

  it('uses the given billing API, with or without a token', () => {
    expect(
      resolveConfig(
        { BILLING_API_URL: 'https://billing.example.com/api', BILLING_API_TOKEN: ' tok ' },
        DEFAULT_DIR,
      ),
    ).toEqual({
      mode: 'remote',
      dataDir: DEFAULT_DIR,
      apiUrl: 'https://billing.example.com/api',
      apiToken: 'tok',
    });
    expect(resolveConfig({ BILLING_API_URL: 'http://127.0.0.1:4010' }, DEFAULT_DIR)).toMatchObject({
      mode: 'remote',
      apiToken: null,
    });
  });

  it('refuses a malformed environment with a message naming the variable', () => {
    expect(() => resolveConfig({ BILLING_API_URL: 'ftp://nope' }, DEFAULT_DIR)).toThrow(ConfigError);
    expect(() => resolveConfig({ SANDBOX_PORT: '70000' }, DEFAULT_DIR)).toThrow(/SANDBOX_PORT/);
  });

  it('refuses a plain-http billing API anywhere but on this computer, so the token never travels in clear', () => {
    for (const url of ['http://billing.example.com', 'http://10.0.0.5:4100', 'http://127.0.0.1.example.com'])
      expect(() => resolveConfig({ BILLING_API_URL: url }, DEFAULT_DIR)).toThrow(
        /must start with https:\/\//,
      );
    for (const url of ['http://localhost:4100', 'http://127.0.0.2:4100', 'http://[::1]:4100'])
      expect(resolveConfig({ BILLING_API_URL: url }, DEFAULT_DIR)).toMatchObject({
        mode: 'remote',
        apiUrl: url,
      });
  });
});
