import type { Ref } from 'react';

interface SwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  /** The id of the visible text that names the switch. */
  labelledBy: string;
  ref?: Ref<HTMLButtonElement>;
  disabled?: boolean;
  describedBy?: string;
}

/** An on/off control announced as a switch ("Auto Reload, switch, on"). */
export function Switch({ checked, onChange, labelledBy, ref, disabled, describedBy }: SwitchProps) {
  return (
    <button
      ref={ref}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      disabled={disabled}
      className="switch"
      onClick={() => onChange(!checked)}
    >
      <span className="switch__thumb" aria-hidden="true" />
    </button>
  );
}
