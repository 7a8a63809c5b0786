// A textarea bound to a Y.Text: typing becomes the smallest insert/delete, and a colleague's
// concurrent edit is merged in without moving this officer's cursor off what they were typing.
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { DESCRIPTION_MAX_CHARS } from '../../../../shared/board/schema.ts';

function shiftIndex(index: number, delta: Y.YTextEvent['delta']): number {
  let position = 0;
  let result = index;
  for (const op of delta) {
    if (op.retain !== undefined) position += op.retain;
    else if (typeof op.insert === 'string') {
      if (position <= result) result += op.insert.length;
      position += op.insert.length;
    } else if (op.delete !== undefined) {
      if (position < result) result -= Math.min(op.delete, result - position);
    }
  }
  return result;
}

export function CollaborativeText({ text, origin, label }: { text: Y.Text; origin: unknown; label: string }) {
  const [value, setValue] = useState(() => text.toString());
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setValue(text.toString());
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin && transaction.local) return;
      const element = area.current;
      const start = element ? shiftIndex(element.selectionStart, event.delta) : 0;
      const end = element ? shiftIndex(element.selectionEnd, event.delta) : 0;
      setValue(text.toString());
      if (element && document.activeElement === element) requestAnimationFrame(() => element.setSelectionRange(start, end));
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text, origin]);
  const onChange = (next: string) => {
    // The bound keeps one edit's update far below the sync server's message limit.
    if (next.length > DESCRIPTION_MAX_CHARS) return;
    const previous = text.toString();
    let head = 0;
    while (head < previous.length && head < next.length && previous[head] === next[head]) head++;
    let tail = 0;
    while (tail < previous.length - head && tail < next.length - head && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
    text.doc!.transact(() => {
      const removed = previous.length - head - tail;
      if (removed > 0) text.delete(head, removed);
      const inserted = next.slice(head, next.length - tail);
      if (inserted) text.insert(head, inserted);
    }, origin);
    setValue(next);
  };
  return <textarea ref={area} aria-label={label} value={value} rows={4} maxLength={DESCRIPTION_MAX_CHARS} onChange={(e) => onChange(e.target.value)} />;
}
