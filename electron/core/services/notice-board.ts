import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../shared/ipc/models';

/** Messages for the user that outlive a single screen (e.g. "the cache was rebuilt"), until dismissed. */
export class NoticeBoard {
  private notices: Notice[] = [];

  constructor(
    private readonly onChange: (notices: Notice[]) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): Notice[] {
    return [...this.notices];
  }

  add(level: Notice['level'], message: string): Notice {
    const notice: Notice = { id: randomUUID(), level, message, at: this.now().toISOString() };
    this.notices = [...this.notices, notice];
    this.onChange(this.list());
    return notice;
  }

  /** Dismissing an unknown id is harmless: it may have been dismissed in another window. */
  dismiss(id: string): Notice[] {
    const remaining = this.notices.filter((notice) => notice.id !== id);
    if (remaining.length !== this.notices.length) {
      this.notices = remaining;
      this.onChange(this.list());
    }
    return this.list();
  }
}
