import { t, type Params } from '../i18n/i18n.ts';

/** An operation refused for a reason the officer can fix; its message is one sentence for the UI. */
export class BoardInputError extends Error {
  readonly key: string;
  constructor(key: string, params: Params = {}) {
    super(t(key, params));
    this.name = 'BoardInputError';
    this.key = key;
  }
}
