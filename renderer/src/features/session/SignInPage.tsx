import { useId, useState, type FormEvent } from 'react';
import { useSignIn } from '../../api/mutations';
import { messageFor } from '../../components/error-message';
import { AlertIcon, LogoMark } from '../../components/icons';
import { validateSignIn, type SignInProblem } from './validate-sign-in';

export function SignInPage() {
  const [apiUrl, setApiUrl] = useState('');
  const [token, setToken] = useState('');
  const [formError, setFormError] = useState<SignInProblem | null>(null);
  const signIn = useSignIn();
  const urlId = useId();
  const tokenId = useId();
  const hintId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = validateSignIn(apiUrl, token);
    setFormError(problem);
    if (problem) return;
    signIn.reset();
    signIn.mutate({ apiUrl: apiUrl.trim(), token: token.trim() });
  }

  const error = formError?.message ?? (signIn.isError ? messageFor(signIn.error) : null);

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <div className="sign-in__brand">
          <LogoMark className="sign-in__logo" />
          <span>Agency Billing Companion</span>
        </div>
        <h1>Sign in to your billing workspace</h1>
        <p className="sign-in__intro muted">
          Connect to your agency&apos;s Billing API to see client balances, credits and invoices.
        </p>
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={urlId}>Billing API URL</label>
            <input
              id={urlId}
              className="input"
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              placeholder="https://billing.example.com"
              value={apiUrl}
              onChange={(event) => setApiUrl(event.target.value)}
              aria-invalid={formError?.field === 'apiUrl'}
            />
          </div>
          <div className="field">
            <label htmlFor={tokenId}>API token</label>
            <input
              id={tokenId}
              className="input"
              type="password"
              autoComplete="current-password"
              spellCheck={false}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              aria-describedby={hintId}
              aria-invalid={formError?.field === 'token'}
            />
            <p id={hintId} className="field__hint">
              Ask your billing administrator for a token if you don&apos;t have one.
            </p>
          </div>
          {error && (
            <div className="form-error" role="alert">
              <AlertIcon className="form-error__icon" />
              <span>{error}</span>
            </div>
          )}
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={signIn.isPending}
            aria-busy={signIn.isPending}
          >
            Sign in
          </button>
        </form>
      </div>
    </main>
  );
}
