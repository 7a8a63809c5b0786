// Whether a dossier's clock is running. Portals name their statuses in free text and give ids no
// shared meaning (domain.md), so the phase is read from status *names*: NFC, case-insensitive, a
// name matching when it contains one of the phase's patterns. The patterns are data: defaults per
// portal below (domain.md, "Dossier states that are not running late"), plus what a unit adds.
//   closed: ended without a result (cancelled, withdrawn, refused): never pending, never overdue.
//   paused: the clock waits for the applicant (supplement, fee) or the handling is suspended.
//   active: everything else, judged against its appointment.
// Closed wins over paused: a cancelled dossier whose step still reads "Yêu cầu bổ sung" is over.
import type { Site } from '../schemas/dossier.ts';

export type DossierPhase = 'active' | 'paused' | 'closed';

export interface PhaseNames {
  paused: readonly string[];
  closed: readonly string[];
}

export type PhaseRules = Record<Site, PhaseNames>;

/** "hủy" and "huỷ" are both written (the tone mark on u or on y): both are listed. */
const commonNames: PhaseNames = {
  paused: ['yêu cầu bổ sung', 'chờ bổ sung', 'chờ công dân bổ sung', 'yêu cầu thanh toán', 'tạm dừng', 'dừng xử lý'],
  closed: ['đã hủy', 'đã huỷ', 'hủy hồ sơ', 'huỷ hồ sơ', 'rút hồ sơ', 'công dân rút', 'từ chối', 'không đủ điều kiện', 'trả lại hồ sơ'],
};

export const defaultPhaseRules: PhaseRules = { igate: commonNames, dvcqg: commonNames };

const noNames: PhaseNames = { paused: [], closed: [] };

function comparable(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every portal's defaults plus the names a unit added in the options (for every portal). */
export function withUnitNames(added: PhaseNames = noNames, base: PhaseRules = defaultPhaseRules): PhaseRules {
  const merge = (names: PhaseNames): PhaseNames => ({
    paused: [...names.paused, ...added.paused].map(comparable).filter(Boolean),
    closed: [...names.closed, ...added.closed].map(comparable).filter(Boolean),
  });
  return { igate: merge(base.igate), dvcqg: merge(base.dvcqg) };
}

const compiledDefaults = withUnitNames();

function matchesAny(names: (string | null | undefined)[], patterns: readonly string[]): boolean {
  return names.some((name) => {
    if (!name) return false;
    const text = comparable(name);
    return patterns.some((pattern) => text.includes(pattern));
  });
}

export interface PhaseInput {
  status: string | null;
  stepStatus?: string | null;
  /** The portal the names come from; iGate's rules when absent. */
  site?: Site;
}

/** `rules`: from `withUnitNames` (patterns already compared in lower case NFC); the defaults when absent. */
export function dossierPhase(dossier: PhaseInput, rules: PhaseRules = compiledDefaults): DossierPhase {
  const names = [dossier.status, dossier.stepStatus];
  const portal = rules[dossier.site ?? 'igate'];
  if (matchesAny(names, portal.closed)) return 'closed';
  if (matchesAny(names, portal.paused)) return 'paused';
  return 'active';
}
