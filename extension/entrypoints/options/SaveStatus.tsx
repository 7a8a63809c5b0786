// "Saved" or one message for a value the settings schema refuses; used by every options section.
import { useState } from 'react';
import { ZodError } from 'zod';
import { t } from '../../../shared/i18n/i18n.ts';

type State = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export interface SaveStatusHandle {
  state: State;
  run: (save: () => Promise<void>) => void;
  fail: (message: string) => void;
}

export function useSaveStatus(): SaveStatusHandle {
  const [state, setState] = useState<State>({ kind: 'idle' });
  return {
    state,
    fail: (message) => setState({ kind: 'error', message }),
    run: (save) => {
      save().then(
        () => setState({ kind: 'saved' }),
        (error: unknown) => {
          if (!(error instanceof ZodError)) throw error;
          setState({ kind: 'error', message: t('options.invalid', { detail: error.issues[0]?.message ?? '' }) });
        },
      );
    },
  };
}

export function SaveStatus({ status }: { status: SaveStatusHandle }) {
  if (status.state.kind === 'saved') return <span className="notice success" role="status">{t('panel.saved')}</span>;
  if (status.state.kind === 'error') return <span className="notice error" role="alert">{status.state.message}</span>;
  return null;
}
