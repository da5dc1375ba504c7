/**
 * Where the credit log's columns land on screen, measured inside the page:
 * whether each header and each fully shown row's cell is in the viewport,
 * uncovered, uncut, and scrolled by the log itself rather than a nested area.
 */
import type { Page } from '@playwright/test';
import { creditLogTable } from './credit-log-page';

/** The little of the DOM these checks touch, declared here so Node's typings stay DOM-free. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
interface PageNode {
  className: unknown;
  tagName: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  clientLeft: number;
  parentElement: PageNode | null;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
  contains(other: PageNode | null): boolean;
}
declare const document: {
  documentElement: PageNode;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
  elementFromPoint(x: number, y: number): PageNode | null;
};
declare const window: { innerWidth: number; innerHeight: number };
declare function getComputedStyle(node: PageNode): { overflowX: string; overflowY: string };

export interface ColumnFit {
  header: string;
  /** Header or cells not wholly inside both the viewport and the log's visible box, or covered. */
  hidden: number;
  /** Texts cut short (an ellipsis) in the header or cells. */
  cut: string[];
  /** Header or cells whose nearest scrolling ancestor is not the log itself. */
  inOtherScrollArea: number;
}

export interface CreditLogLayout {
  /** Anything on the page that scrolls sideways, by class name. */
  sidewaysScrollers: string[];
  documentFits: boolean;
  logFits: boolean;
  /** Rows wholly inside the log's visible box: the ones the column checks cover. */
  rowsChecked: number;
  columns: ColumnFit[];
}

export function measureCreditLogLayout(page: Page): Promise<CreditLogLayout> {
  return creditLogTable(page).evaluate((table: PageNode): CreditLogLayout => {
    const scrolls = (node: PageNode, axis: 'overflowX' | 'overflowY') =>
      /auto|scroll/.test(getComputedStyle(node)[axis]);
    const scroller = (node: PageNode) => scrolls(node, 'overflowX') || scrolls(node, 'overflowY');
    const nearestScroller = (node: PageNode) => {
      let parent = node.parentElement;
      while (parent && !scroller(parent)) parent = parent.parentElement;
      return parent;
    };
    const logBox = table.getBoundingClientRect();
    const visibleLeft = Math.max(0, logBox.left + table.clientLeft);
    const visibleRight = Math.min(window.innerWidth, logBox.left + table.clientLeft + table.clientWidth);
    const shown = (node: PageNode) => {
      const box = node.getBoundingClientRect();
      const inside =
        box.left >= visibleLeft &&
        box.right <= visibleRight &&
        box.top >= Math.max(0, logBox.top) &&
        box.bottom <= Math.min(window.innerHeight, logBox.bottom);
      const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      return inside && node.contains(hit);
    };
    const isCut = (node: PageNode) =>
      [node, ...Array.from(node.querySelectorAll('*'))].some((part) => part.scrollWidth > part.clientWidth);

    const headers = Array.from(table.querySelectorAll('[role="columnheader"]'));
    const rows = Array.from(table.querySelectorAll('[role="row"][aria-rowindex]')).filter(
      (row) => Number(row.getAttribute('aria-rowindex')) > 1 && shown(row),
    );
    const root = document.documentElement;
    return {
      sidewaysScrollers: Array.from(document.querySelectorAll('*'))
        .filter((node) => scrolls(node, 'overflowX') && node.scrollWidth > node.clientWidth)
        .map((node) => String(node.className) || node.tagName),
      documentFits: root.scrollWidth <= root.clientWidth,
      logFits: table.scrollWidth <= table.clientWidth,
      rowsChecked: rows.length,
      columns: headers.map((header, index) => {
        const cells = [header, ...rows.map((row) => row.querySelectorAll('[role="cell"]')[index]!)];
        return {
          header: (header.textContent ?? '').trim(),
          hidden: cells.filter((cell) => !shown(cell)).length,
          cut: cells.filter(isCut).map((cell) => (cell.textContent ?? '').trim()),
          inOtherScrollArea: cells.filter((cell) => nearestScroller(cell) !== table).length,
        };
      }),
    };
  });
}
