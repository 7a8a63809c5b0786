// The side panel's hold on the board: the panel replica (fed by the offscreen document), a live
// view re-read only where the doc changed, this session's undo history, and the board settings.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { browser } from 'wxt/browser';
import type * as Y from 'yjs';
import { createUndoManager } from '../../../../shared/board/history.ts';
import { LiveBoard } from '../../../../shared/board/live-board.ts';
import type { EditContext } from '../../../../shared/board/operations.ts';
import type { BoardView } from '../../../../shared/board/schema.ts';
import { toVietnamIso } from '../../../../shared/time/dates.ts';
import { BOARD_SETTINGS_KEY, defaultBoardSettings, loadBoardSettings, readBoardSettings, type BoardSettings } from '../../../board/boardSettings.ts';
import { PanelReplica, type PanelState } from '../../../board/panelReplica.ts';

export function useBoardSettings(): BoardSettings {
  const [settings, setSettings] = useState<BoardSettings>(defaultBoardSettings);
  useEffect(() => {
    let live = true;
    void loadBoardSettings().then((stored) => {
      if (live) setSettings(stored);
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && BOARD_SETTINGS_KEY in changes) setSettings(readBoardSettings(changes[BOARD_SETTINGS_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}

export function usePanelReplica(): { replica: PanelReplica; state: PanelState } {
  const replica = useMemo(() => new PanelReplica(), []);
  const [state, setState] = useState<PanelState>(() => replica.state());
  useEffect(() => {
    const unsubscribe = replica.subscribe(setState);
    void replica.start();
    return () => {
      unsubscribe();
      replica.destroy();
    };
  }, [replica]);
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
