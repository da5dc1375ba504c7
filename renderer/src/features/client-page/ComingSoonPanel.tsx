/** An honest placeholder for views that ship in a later release. */
export function ComingSoonPanel({ title }: { title: string }) {
  return (
    <div className="panel-state">
      <p className="panel-state__title">{title}</p>
      <p className="panel-state__text">Balances and plan details are on the Settings tab.</p>
    </div>
  );
}
