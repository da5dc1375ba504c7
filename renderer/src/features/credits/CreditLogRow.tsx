import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatInteger, formatSignedTokens } from '../../../../shared/domain/format';
import {
  entryRawId,
  entryReference,
  entryTypeLabel,
  type EntryRawId,
} from '../../../../shared/ipc/credit-log-columns';
import type { LedgerEntryModel } from '../../../../shared/ipc/ledger-models';
import { focusOnArrival } from '../../components/dialog-focus';
import { CheckIcon, CopyIcon } from '../../components/icons';
import { clientTabPath } from '../client-page/client-tabs';
import { entryTypeTone } from './entry-labels';

interface RowPosition {
  /** 1-based among all rows of the table, the header being row 1. */
  rowIndex: number;
  offset: number;
}

/** Rows are recycled while scrolling, so what was copied lives above them, keyed by the id itself. */
export interface RawIdCopy {
  copiedValue: string | null;
  onCopy(id: EntryRawId): void;
}

/** Day and time apart, so a narrow log can put the time under the day instead of cutting it. */
const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const TIME_FORMAT = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' });

/** An entry's cells as text. */
interface RowText {
  day: string;
  time: string;
  type: string;
  tone: string;
  amount: string;
  balance: string;
  reference: string;
  rawId: EntryRawId | null;
}

/**
 * A fling redraws every row each frame, and formatting dates and numbers was a good part of it: each entry is
 * formatted once. Entries are the query cache's own objects, so the cache lets go of them with their pages.
 */
const rowTexts = new WeakMap<LedgerEntryModel, RowText>();

function rowTextOf(entry: LedgerEntryModel): RowText {
  let text = rowTexts.get(entry);
  if (!text) {
    const instant = new Date(entry.at);
    text = {
      day: DAY_FORMAT.format(instant),
      time: TIME_FORMAT.format(instant),
      type: entryTypeLabel(entry.type),
      tone: entryTypeTone(entry.type),
      amount: formatSignedTokens(entry.amount),
      balance: formatInteger(entry.balanceAfter),
      reference: entryReference(entry),
      rawId: entryRawId(entry),
    };
    rowTexts.set(entry, text);
  }
  return text;
}

function placement({ offset }: RowPosition) {
  return { transform: `translateY(${offset}px)` };
}

function ReferenceLabel({
  clientId,
  entry,
  reference,
}: {
  clientId: string;
  entry: LedgerEntryModel;
  reference: string;
}) {
  if (entry.invoiceId !== null && entry.invoiceNumber !== null) {
    return (
      <Link
        className="ledger-ref__label ledger-ref__label--invoice"
        to={clientTabPath(clientId, 'invoices')}
        state={{ invoiceId: entry.invoiceId }}
      >
        {entry.invoiceNumber}
      </Link>
    );
  }
  return (
    <span className="ledger-ref__label" title={reference}>
      {reference}
    </span>
  );
}

function CopyIdButton({ rawId, copy }: { rawId: EntryRawId; copy: RawIdCopy }) {
  const copied = copy.copiedValue === rawId.value;
  return (
    <button
      type="button"
      className={copied ? 'copy-id copy-id--copied' : 'copy-id'}
      aria-label={`Copy ${rawId.kind} ID`}
      title={`Copy ${rawId.kind} ID ${rawId.value}`}
      onClick={() => copy.onCopy(rawId)}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}

export function CreditLogRow({
  clientId,
  entry,
  position,
  copy,
  highlighted,
}: {
  clientId: string;
  entry: LedgerEntryModel;
  position: RowPosition;
  copy: RawIdCopy;
  highlighted: boolean;
}) {
  const credit = entry.amount > 0;
  const text = rowTextOf(entry);
  const modifiers = [credit && 'ledger-row--credit', highlighted && 'ledger-row--highlighted'];
  const rowRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlighted) focusOnArrival(rowRef.current);
  }, [highlighted]);
  return (
    <div
      ref={rowRef}
      tabIndex={highlighted ? -1 : undefined}
      className={['ledger-row', ...modifiers].filter(Boolean).join(' ')}
      role="row"
      aria-rowindex={position.rowIndex}
      aria-current={highlighted || undefined}
      style={placement(position)}
    >
      <div className="ledger-cell num" role="cell">
        <time className="ledger-date" dateTime={entry.at}>
          <span>{text.day}</span>
          <span className="ledger-date__comma">, </span>
          <span className="ledger-date__time">{text.time}</span>
        </time>
      </div>
      <div className="ledger-cell" role="cell">
        <span className={`entry-type entry-type--${text.tone}`}>{text.type}</span>
      </div>
      <div className="ledger-cell" role="cell" title={entry.description}>
        {entry.description}
      </div>
      <div className="ledger-cell ledger-cell--end num" role="cell">
        <span className={credit ? 'amount amount--credit' : 'amount'}>{text.amount}</span>
      </div>
      <div className="ledger-cell ledger-cell--end num" role="cell">
        {text.balance}
      </div>
      <div className="ledger-cell ledger-ref" role="cell">
        <ReferenceLabel clientId={clientId} entry={entry} reference={text.reference} />
        {text.rawId && <CopyIdButton rawId={text.rawId} copy={copy} />}
      </div>
    </div>
  );
}

/** Where a row of the next page will be: the space is real so scrolling never stalls, the content is not. */
export function PlaceholderRow({ position }: { position: RowPosition }) {
  return (
    <div className="ledger-row ledger-row--placeholder" aria-hidden="true" style={placement(position)}>
      <span className="skeleton" />
      <span className="skeleton" />
      <span className="skeleton skeleton--wide" />
      <span className="skeleton skeleton--end" />
      <span className="skeleton skeleton--end" />
      <span className="skeleton" />
    </div>
  );
}
