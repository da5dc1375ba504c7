import path from 'node:path';
import { z } from 'zod';
import { BillingApiUrl } from '../../shared/security/billing-api-url';

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const EnvSchema = z.object({
  BILLING_API_URL: z.preprocess(emptyAsUndefined, BillingApiUrl.optional()),
  BILLING_API_TOKEN: z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional()),
  APP_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  SANDBOX_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65_535).optional()),
});

export type CoreConfig =
  | { mode: 'sandbox'; dataDir: string; sandboxPort: number }
  | { mode: 'remote'; dataDir: string; apiUrl: string; apiToken: string | null };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment once at start. Without BILLING_API_URL the app runs
 * against its embedded billing sandbox (demo mode).
 */
export function resolveConfig(env: Record<string, string | undefined>, defaultDataDir: string): CoreConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.APP_DATA_DIR ?? defaultDataDir);
  if (!values.BILLING_API_URL) return { mode: 'sandbox', dataDir, sandboxPort: values.SANDBOX_PORT ?? 0 };
  return {
    mode: 'remote',
    dataDir,
    apiUrl: values.BILLING_API_URL,
    apiToken: values.BILLING_API_TOKEN ?? null,
  };
}
