import { ProvenancePanel } from '../provenance/ProvenancePanel';
import { CreditLog } from './CreditLog';
import './credits.css';

export function CreditsTab({ clientId }: { clientId: string }) {
  return (
    <div className="credits-tab">
      <ProvenancePanel clientId={clientId} />
      <CreditLog clientId={clientId} />
    </div>
  );
}
