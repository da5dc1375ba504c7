import { describe, expect, it } from 'vitest';
import { clearTextProblem, isLoopbackHost } from '../../../shared/security/billing-api-url';

describe('where the API token may be sent', () => {
  it('allows https anywhere and http only to this computer', () => {
    expect(clearTextProblem(new URL('https://billing.example.com'))).toBeNull();
    expect(clearTextProblem(new URL('http://127.0.0.1:4100'))).toBeNull();
    expect(clearTextProblem(new URL('http://localhost:4100/v1'))).toBeNull();
    expect(clearTextProblem(new URL('http://[::1]:4100'))).toBeNull();
    expect(clearTextProblem(new URL('http://billing.example.com'))).toMatch(/must start with https:\/\//);
    expect(clearTextProblem(new URL('http://192.168.1.20:4100'))).not.toBeNull();
  });

  it('knows the loopback names and the whole 127.0.0.0/8 range, and nothing that merely looks like them', () => {
    expect(['localhost', 'app.localhost', '127.0.0.1', '127.255.0.9', '[::1]'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['127.0.0.1.example.com', 'localhost.example.com', '128.0.0.1', '0.0.0.0'].map(isLoopbackHost),
    ).toEqual([false, false, false, false]);
  });
});
