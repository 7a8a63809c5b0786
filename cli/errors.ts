import { bilingual, type Params } from '../shared/i18n/i18n.ts';

/** A mistake the person running the command made: one sentence on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(key: string, params: Params = {}) {
    super(bilingual(key, params));
    this.name = 'UsageError';
  }
}

/** Wraps a message that is already a full bilingual sentence (e.g. from a domain parser). */
export function usageErrorFromText(text: string): UsageError {
  const error = new UsageError('cli.badArguments', { detail: text });
  error.message = text;
  return error;
}
