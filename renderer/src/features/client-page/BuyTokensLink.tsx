import { Link } from 'react-router';
import { buyTokensState } from './buy-tokens';
import { clientTabPath } from './client-tabs';

interface BuyTokensLinkProps {
  clientId: string;
  className?: string;
  /** Where the words alone would not say which client (a row of the list). */
  ariaLabel?: string;
}

/** The one way to buy: the client's Settings with the Manual Reload pack choice in view and focused. */
export function BuyTokensLink({
  clientId,
  className = 'button button--primary',
  ariaLabel,
}: BuyTokensLinkProps) {
  return (
    <Link
      className={className}
      to={clientTabPath(clientId, 'settings')}
      state={buyTokensState()}
      aria-label={ariaLabel}
    >
      Buy tokens
    </Link>
  );
}
