import { describe, expect, it } from 'vitest';
import { validateSignIn } from '../../../renderer/src/features/session/validate-sign-in';

describe('the sign-in form', () => {
  it('refuses a plain-http Billing API URL on another computer before anything is sent', () => {
    expect(validateSignIn('http://billing.example.com', 'token')).toEqual({
      field: 'apiUrl',
      message: expect.stringContaining('must start with https://'),
    });
    expect(validateSignIn('http://127.0.0.1:4100', 'token')).toBeNull();
    expect(validateSignIn('https://billing.example.com', 'token')).toBeNull();
  });
});
