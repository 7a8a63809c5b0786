// One small shadow root per badge: the portal's styles cannot reach the badge and ours cannot reach
// the portal. The stylesheet is built once and adopted by every badge, which keeps a table of
// hundreds of rows cheap to decorate.
import type { Tone } from './timelinessBadge.ts';

const BADGE_CSS = `
  :host { all: initial; display: inline-block; margin-inline-start: 6px; vertical-align: middle; }
  span { font: 600 11px/1.6 system-ui, sans-serif; padding: 0 6px; border-radius: 8px; white-space: nowrap; border: 1px solid transparent; }
  .good { background: #e6f4ea; color: #0d652d; border-color: #a8dab5; }
  .bad { background: #fce8e6; color: #a50e0e; border-color: #f4b4ae; }
  .warn { background: #fef7e0; color: #7a4a00; border-color: #f9d77e; }
  .calm { background: #e8f0fe; color: #174ea6; border-color: #aecbfa; }
  .none { background: #f1f3f4; color: #3c4043; border-color: #dadce0; }
`;

let sheet: CSSStyleSheet | null = null;
function badgeSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
  }
  return sheet;
}

const BADGE_TAG = 'tthc-badge';

export interface BadgeContent {
  text: string;
  tone: Tone;
  /** The sentence a screen reader announces: what the badge is about and what it says. */
  label: string;
}

function badgeSpan(host: Element): HTMLSpanElement | null {
  return (host.shadowRoot?.firstElementChild as HTMLSpanElement | null) ?? null;
}

function createBadge(kind: string, key: string): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  host.setAttribute('data-kind', kind);
  host.setAttribute('data-key', key);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [badgeSheet()];
  const span = document.createElement('span');
  span.setAttribute('role', 'note');
  shadow.append(span);
  return host;
}

const CELLS = 'td, th, [role="cell"], mat-cell';

/** The cell that shows the code (a table row's cell, or a value cell of a detail table): the badge sits in it. */
function slotFor(row: Element, code: string): Element {
  // A table row's own cells first: the common case, and cheaper than a selector.
  for (const cell of row.children) {
    if (cell.matches(CELLS) && cell.textContent?.includes(code)) return cell;
  }
  for (const cell of row.querySelectorAll(CELLS)) {
    if (cell.textContent?.includes(code)) return cell;
  }
  return row.querySelector(CELLS) ?? row;
}

/** Puts (or updates) the badge of one kind on a row. Text goes in as text, never as HTML. */
export function showBadge(row: Element, kind: string, key: string, content: BadgeContent): void {
  let host = row.querySelector<HTMLElement>(`${BADGE_TAG}[data-kind="${kind}"]`);
  if (host && host.getAttribute('data-key') !== key) {
    host.remove();
    host = null;
  }
  if (!host) {
    host = createBadge(kind, key);
    slotFor(row, key).append(host);
  }
  const span = badgeSpan(host);
  if (!span || (span.textContent === content.text && span.className === content.tone)) return;
  span.textContent = content.text;
  span.className = content.tone;
  span.setAttribute('aria-label', content.label);
}

export function removeBadges(root: ParentNode): void {
  for (const host of root.querySelectorAll(BADGE_TAG)) host.remove();
}
