import { z } from 'zod';

/**
 * A value of an enum that a newer billing API sends and this version does not
 * know yet. Branded so that code deciding on an enum has to say what it does
 * with one; it is stored and shown as sent.
 */
export type UnknownValue = string & z.$brand<'UnknownValue'>;

/** Identifier-like, as every enum value of the API is; anything else is still a broken response. */
const UNKNOWN_VALUE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * An enum that stays open to values added later: a known value parses as
 * itself, any other identifier as an UnknownValue, so one new value never stops
 * a sync. Request schemas keep closed enums: the app only sends what it knows.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string().regex(UNKNOWN_VALUE).brand<'UnknownValue'>()]);
}

export function isKnownValue<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
