import { useId } from 'react';
import { formatMoney, formatTokens } from '../../../../shared/domain/format';
import type { PackModel } from '../../../../shared/ipc/models';
import { packName, packsBySize, perTokenRate } from './pack-labels';

interface PackOptionsProps {
  packs: readonly PackModel[];
  selectedId: string | null;
  onSelect(packId: string): void;
  disabled?: boolean;
}

/** The "Pack size" radio group: native radios, so arrow keys and screen readers work as everywhere else. */
export function PackOptions({ packs, selectedId, onSelect, disabled = false }: PackOptionsProps) {
  const id = useId();
  const labelId = `${id}-label`;
  return (
    <div className="pack-options">
      <p id={labelId} className="pack-options__label">
        Pack size
      </p>
      <div className="pack-options__list" role="radiogroup" aria-labelledby={labelId}>
        {packsBySize(packs).map((pack) => {
          const rateId = `${id}-${pack.id}-rate`;
          const checked = pack.id === selectedId;
          return (
            <label key={pack.id} className={checked ? 'pack-option pack-option--checked' : 'pack-option'}>
              <input
                type="radio"
                className="pack-option__input"
                name={`${id}-pack`}
                value={pack.id}
                checked={checked}
                disabled={disabled}
                onChange={() => onSelect(pack.id)}
                aria-label={packName(pack)}
                aria-describedby={rateId}
              />
              <span className="pack-option__tokens num" aria-hidden="true">
                {formatTokens(pack.tokens)}
              </span>
              <span className="pack-option__price num" aria-hidden="true">
                {formatMoney(pack.price)}
              </span>
              <span id={rateId} className="pack-option__rate num">
                {perTokenRate(pack.price, pack.tokens)}
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}
