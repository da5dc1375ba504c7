import { Link } from 'react-router';

export function ClientNotFound() {
  return (
    <div className="page">
      <div className="panel-state">
        <h1 className="panel-state__title">Client not found</h1>
        <p className="panel-state__text">It may have been removed from the billing workspace.</p>
        <Link className="button button--secondary" to="/clients">
          Back to clients
        </Link>
      </div>
    </div>
  );
}
