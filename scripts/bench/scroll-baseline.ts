/**
 * The scroll bench's baseline: the credit log's own markup and styles, with every row already in memory as HTML
 * and drawn by a dozen lines of plain JavaScript (no fetching, no React Query, no formatting, no React). It
 * replaces the real table in the page where that table has just been measured, so both scroll in the same
 * window size, fonts and styles; the difference between the two is what the app adds to a frame.
 *
 * The page-side code is plain JavaScript (a string Chromium evaluates), so Node's typings stay DOM-free.
 */
import type { Page } from '@playwright/test';

const INSTALL_BASELINE = `(() => {
  const real = document.querySelector('.ledger-table');
  const rendered = [...real.querySelectorAll('.ledger-table__body .ledger-row[role="row"]')];
  if (!real || rendered.length === 0) throw new Error('The credit log is not on screen.');
  // Real rows' HTML as templates, cycled: the same text lengths and elements as the app draws.
  const templates = rendered.map((row) => row.innerHTML);
  const rowClass = rendered[0].className;
  const rowHeight = rendered[0].offsetHeight;
  const total = Number(real.getAttribute('aria-rowcount')) - 1;
  const table = document.createElement('div');
  table.className = real.className;
  table.setAttribute('role', 'table');
  table.setAttribute('aria-label', 'Baseline');
  table.append(real.querySelector('.ledger-table__head').cloneNode(true));
  const body = document.createElement('div');
  body.className = 'ledger-table__body';
  body.style.height = total * rowHeight + 'px';
  table.append(body);
  const overscan = 8;
  const poolSize = Math.ceil(real.clientHeight / rowHeight) + 2 * overscan + 2;
  const pool = Array.from({ length: poolSize }, () => {
    const row = document.createElement('div');
    row.className = rowClass;
    row.setAttribute('role', 'row');
    row.dataset.index = '-1';
    body.append(row);
    return row;
  });
  const draw = () => {
    const first = Math.max(0, Math.floor(table.scrollTop / rowHeight) - overscan);
    for (let i = 0; i < poolSize; i++) {
      const index = first + i;
      // Each index has one pool row (index modulo the pool), so a row still in view is left alone.
      const row = pool[index % poolSize];
      if (index >= total || row.dataset.index === String(index)) continue;
      row.dataset.index = String(index);
      row.setAttribute('aria-rowindex', String(index + 2));
      row.style.transform = 'translateY(' + index * rowHeight + 'px)';
      row.innerHTML = templates[index % templates.length];
    }
  };
  table.addEventListener('scroll', draw, { passive: true });
  real.replaceWith(table);
  draw();
})()`;

/** Swaps the page's credit log (already loaded and scrolled to the top) for the baseline table. */
export async function installScrollBaseline(page: Page): Promise<void> {
  await page.evaluate(INSTALL_BASELINE);
}
