// The side panel's hold on the board: the panel replica (fed by the offscreen document), a live
// view re-read only where the doc changed, and this session's undo history.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { createUndoManager } from '../../../../shared/board/history.ts';
import { LiveBoard } from '../../../../shared/board/live-board.ts';
import type { EditContext } from '../../../../shared/board/operations.ts';
import type { BoardView } from '../../../../shared/board/schema.ts';
import { toVietnamIso } from '../../../../shared/time/dates.ts';
import { PanelReplica, type PanelState } from '../../../board/panelReplica.ts';

/**
 * The panel's replica of the board the settings name (`board`: boardDatabaseName), started once the
 * settings are read; it follows a later unit switch itself, as the offscreen document announces it.
 */
export function usePanelReplica(board: string | null): { replica: PanelReplica; state: PanelState } {
  const replica = useMemo(() => new PanelReplica(), []);
  const [state, setState] = useState<PanelState>(() => replica.state());
  const known = board !== null;
  useEffect(() => {
    if (board === null) return undefined;
    const unsubscribe = replica.subscribe(setState);
    void replica.start(board);
    return () => {
      unsubscribe();
      replica.destroy();
    };
  }, [replica, known]);
  return { replica, state };
}

export interface BoardSession {
  view: BoardView;
  undo: Y.UndoManager;
  /** A fresh edit context: who, now, and this session's origin (what undo tracks). */
  context(): EditContext;
}

export function useBoardSession(doc: Y.Doc, user: string): BoardSession {
  const live = useMemo(() => new LiveBoard(doc), [doc]);
  const origin = useMemo(() => ({ session: crypto.randomUUID() }), [doc]);
  const undo = useMemo(() => createUndoManager(doc, origin), [doc, origin]);
  useEffect(() => () => {
    live.destroy();
    undo.destroy();
  }, [live, undo]);
  const view = useSyncExternalStore(
    (notify) => live.subscribe(notify),
    () => live.view(),
  );
  return { view, undo, context: () => ({ user, at: toVietnamIso(new Date()), origin }) };
}
