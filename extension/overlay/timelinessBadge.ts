// What a dossier badge says and which colour it wears, from the dossier's timeliness. The words
// are the product's one wording (shared/dossier/timelinessLabel.ts); the colour is the overlay's.
import type { Timeliness, TimelinessState } from '../../shared/dossier/timeliness.ts';
import { timelinessLabel } from '../../shared/dossier/timelinessLabel.ts';

export type Tone = 'good' | 'bad' | 'warn' | 'calm' | 'none';

export interface BadgeLabel {
  text: string;
  tone: Tone;
}

const tones: Record<TimelinessState, Tone> = {
  early: 'good',
  on_time: 'good',
  late: 'bad',
  pending: 'calm',
  due_soon: 'warn',
  overdue: 'bad',
  paused: 'calm',
  closed: 'none',
  unknown: 'none',
};

export function timelinessBadge(timeliness: Timeliness): BadgeLabel {
  return { text: timelinessLabel(timeliness), tone: tones[timeliness.state] };
}
