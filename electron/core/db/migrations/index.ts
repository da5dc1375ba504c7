import { sql as initial } from './001-initial';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; strictly increasing from 1. */
  version: number;
  name: string;
  sql: string;
}

/** Append-only: a new schema change is a new entry at the end. */
export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

export const LATEST_SCHEMA_VERSION = migrations.length;
