// Characters that show nothing yet change what a string is or how it reads: bidirectional controls
// (a title can be made to read backwards, "‮" tricks) and zero-width characters (two codes that
// look the same compare different). Vietnamese text never needs them, so identifiers and titles
// drop them before they are stored or shared.
const INVISIBLE_CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The text without bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI) and zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM). */
export function withoutInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}
