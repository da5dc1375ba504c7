import { describe, expect, it } from 'vitest';
import {
  formatInvoiceNumber,
  invoicePrefixFor,
  uniqueInvoicePrefix,
} from '../../../shared/domain/invoice-number';

describe('invoice numbers', () => {
  it('use up to three initials of the client name and a four-digit running number', () => {
    expect(invoicePrefixFor('Northwind Dental Group')).toBe('NDG');
    expect(invoicePrefixFor('Harbor & Pine Realty')).toBe('HPR');
    expect(invoicePrefixFor('Brightwater Pools & Spas Inc')).toBe('BPS');
    expect(formatInvoiceNumber('NW', 42)).toBe('NW-0042');
    expect(formatInvoiceNumber('NW', 12345)).toBe('NW-12345');
  });

  it('keep prefixes unique across clients whose initials collide', () => {
    expect(uniqueInvoicePrefix('Sunny Side Pediatrics', new Set(['SSP']))).toBe('SSP2');
    expect(uniqueInvoicePrefix('Sunny Side Pediatrics', new Set(['SSP', 'SSP2']))).toBe('SSP3');
  });

  it('refuse a sequence that is not a positive whole number', () => {
    expect(() => formatInvoiceNumber('NW', 0)).toThrow(RangeError);
    expect(() => formatInvoiceNumber('NW', 1.5)).toThrow(RangeError);
  });
});
