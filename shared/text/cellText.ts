// Text bound for a spreadsheet cell. Excel holds at most 32,767 characters in a cell and refuses a
// file with C0 control characters in it; a captured field is untrusted and may carry either. The
// text is cut with a visible marker (the reader sees it was cut), never silently.
import { withoutInvisibleControls } from './invisibles.ts';

export const MAX_CELL_CHARS = 32_767;

// C0 controls and DEL, except tab and line feed, which a cell may hold.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CELL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** The text without control characters, cut to fit one cell with `marker` at its end when longer. */
export function cellText(text: string, marker: string): string {
  const clean = withoutInvisibleControls(text).replace(CELL_CONTROLS, '');
  return clean.length <= MAX_CELL_CHARS ? clean : `${clean.slice(0, MAX_CELL_CHARS - marker.length)}${marker}`;
}
