// A new capture merges with the stored one: it wins except where it knows less, and a table's one
// return column (which may show the completion) never overrides what a response knows of it.
import { describe, expect, it } from 'vitest';
import { keepKnown } from './keepKnown.ts';

const completed = '2024-01-04T16:03:28.000+07:00';
const fromResponse = { code: 'A', status: 'Đã trả kết quả', completedAt: completed, returnedAt: null as string | null, agencyCode: 'G01' };
const fromTable = (returnedAt: string | null) => ({ code: 'A', status: 'Đã trả kết quả', completedAt: null as string | null, returnedAt, agencyCode: null as string | null });

describe('keepKnown', () => {
  it('keeps what the stored capture knew where the new one knows nothing (an agency code)', () => {
    expect(keepKnown(fromResponse, fromTable(null)).agencyCode).toBe('G01');
  });

  it("takes a response's return (even none) over a table's", () => {
    expect(keepKnown(fromTable(completed), fromResponse).returnedAt).toBeNull();
  });

  it("keeps a response's return when a table read arrives after it showing the completion", () => {
    expect(keepKnown(fromResponse, fromTable(completed)).returnedAt).toBeNull();
  });

  it('takes a table return that is not the completion: a hand-back seen later', () => {
    const handedBack = '2024-01-08T09:00:00.000+07:00';
    expect(keepKnown(fromResponse, fromTable(handedBack)).returnedAt).toBe(handedBack);
  });
});
