import { describe, expect, it } from 'vitest';
import { SignInLinks } from '../../../electron/web-host/sign-in-links';

describe('sign-in links', () => {
  it('sign in once, then are refused as used', () => {
    const links = new SignInLinks();
    const secret = links.issue();

    expect(links.redeem(secret)).toBe('signed-in');
    expect(links.redeem(secret)).toBe('used');
    expect(links.redeem('guessed')).toBe('unknown');
  });

  it('withdraw the unopened link when a new one is issued', () => {
    const links = new SignInLinks();
    const older = links.issue();
    const newer = links.issue();

    expect(links.redeem(older)).toBe('replaced');
    expect(links.redeem(newer)).toBe('signed-in');
  });

  it('remember the reasons of a bounded number of retired links, oldest forgotten first', () => {
    const links = new SignInLinks();
    const retired = Array.from({ length: 65 }, () => {
      const secret = links.issue();
      links.redeem(secret);
      return secret;
    });

    expect(links.redeem(retired[0] ?? '')).toBe('unknown');
    expect(links.redeem(retired[1] ?? '')).toBe('used');
    expect(links.redeem(retired[64] ?? '')).toBe('used');
  });
});
