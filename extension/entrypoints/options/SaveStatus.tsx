// What saving a section did: "saved" (or a sentence saying more), or one problem. A problem with
// one field is shown next to that field (see SettingsForm.tsx), not at the bottom of the section.
import { useState } from 'react';
import { ZodError } from 'zod';
import { t } from '../../../shared/i18n/i18n.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'saved'; message: string }
  | { kind: 'error'; message: string; field: string | null };

export interface SaveStatusHandle {
  state: State;
  /** Saves; a value the settings schema refuses is reported on `field` when given. */
  run: (save: () => Promise<void>, field?: string) => void;
  fail: (message: string, field?: string) => void;
  saved: (message?: string) => void;
}

export function useSaveStatus(): SaveStatusHandle {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const fail = (message: string, field?: string) => setState({ kind: 'error', message, field: field ?? null });
  const saved = (message?: string) => setState({ kind: 'saved', message: message ?? t('panel.saved') });
  return {
    state,
    fail,
    saved,
    run: (save, field) => {
      save().then(
        () => saved(),
        (error: unknown) => {
          if (!(error instanceof ZodError)) throw error;
          fail(t('options.invalid', { detail: error.issues[0]?.message ?? '' }), field);
        },
      );
    },
  };
}

/** The problem reported on one field, if any. */
export function fieldProblem(status: SaveStatusHandle, field: string): string | null {
  return status.state.kind === 'error' && status.state.field === field ? status.state.message : null;
}

export function SaveStatus({ status }: { status: SaveStatusHandle }) {
  if (status.state.kind === 'saved') return <span className="notice success" role="status">{status.state.message}</span>;
  if (status.state.kind === 'error' && status.state.field === null) return <span className="notice error" role="alert">{status.state.message}</span>;
  return null;
}
