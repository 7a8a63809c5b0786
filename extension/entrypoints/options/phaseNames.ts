// The unit's own status names per phase, as typed in the options: one name per line.
import { defaultPhaseRules, type PhaseNames } from '../../../shared/dossier/phase.ts';

/** Lines → names: trimmed, NFC, blank lines and repeats dropped. */
export function namesFromLines(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** What the portals' defaults already cover, shown beside the fields (iGate's list: the national portal's is the same). */
export function defaultNamesText(phase: keyof PhaseNames): string {
  return defaultPhaseRules.igate[phase].join(', ');
}
