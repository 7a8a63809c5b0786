// Something the officer typed or imported that cannot be stored: one message, nothing saved.

/** A problem with what the officer typed or imported; `key` and `params` go through t(). */
export class InputProblem extends Error {
  readonly key: string;
  readonly params: Record<string, string | number>;
  /** The file row (CSV, header = 1) or array item (JSON, from 1) the problem is in. */
  readonly row: number | null;
  constructor(key: string, params: Record<string, string | number> = {}, row: number | null = null) {
    super(key);
    this.name = 'InputProblem';
    this.key = key;
    this.params = params;
    this.row = row;
  }
}
