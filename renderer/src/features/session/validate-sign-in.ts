import { clearTextProblem } from '../../../../shared/security/billing-api-url';

export interface SignInProblem {
  field: 'apiUrl' | 'token';
  message: string;
}

/** Checks the form before calling the core, so simple mistakes get a specific sentence. */
export function validateSignIn(apiUrl: string, token: string): SignInProblem | null {
  if (apiUrl.trim() === '') return { field: 'apiUrl', message: 'Enter the Billing API URL.' };
  let url: URL;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    return {
      field: 'apiUrl',
      message: 'The Billing API URL is not a web address. It should look like https://billing.example.com.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      field: 'apiUrl',
      message: 'The Billing API URL must start with https:// (or http:// for a server on this computer).',
    };
  }
  const clearText = clearTextProblem(url);
  if (clearText) return { field: 'apiUrl', message: clearText };
  if (token.trim() === '') return { field: 'token', message: 'Enter the API token.' };
  return null;
}
