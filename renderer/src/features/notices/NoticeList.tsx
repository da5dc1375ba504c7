import type { Notice } from '../../../../shared/ipc/models';
import { useDismissNotice } from '../../api/mutations';
import { useNotices } from '../../api/queries';
import { CloseIcon, AlertIcon, InfoIcon } from '../../components/icons';

const LEVEL_LABEL: Record<Notice['level'], string> = { info: 'Info', warning: 'Warning', error: 'Error' };

function NoticeItem({
  notice,
  onDismiss,
  dismissing,
}: {
  notice: Notice;
  onDismiss(): void;
  dismissing: boolean;
}) {
  const urgent = notice.level !== 'info';
  return (
    <div className={`notice notice--${notice.level}`} role={urgent ? 'alert' : 'status'}>
      {urgent ? <AlertIcon className="notice__icon" /> : <InfoIcon className="notice__icon" />}
      <p className="notice__message">
        <span className="visually-hidden">{LEVEL_LABEL[notice.level]}: </span>
        {notice.message}
      </p>
      <button
        type="button"
        className="button button--ghost button--sm"
        onClick={onDismiss}
        disabled={dismissing}
      >
        <CloseIcon />
        Dismiss
      </button>
    </div>
  );
}

/** App-wide messages from the core (e.g. "the cache was rebuilt"), until the user dismisses them. */
export function NoticeList() {
  const { data: notices } = useNotices();
  const dismiss = useDismissNotice();
  if (!notices || notices.length === 0) return null;

  return (
    <section className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <NoticeItem
          key={notice.id}
          notice={notice}
          dismissing={dismiss.isPending && dismiss.variables === notice.id}
          onDismiss={() => dismiss.mutate(notice.id)}
        />
      ))}
    </section>
  );
}
