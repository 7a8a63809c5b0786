// The dossier list as the officer scrolls: the first page when the filter or the stored dossiers
// change, one more page each time the list nears its end (dossierPages.ts). A reading that a newer
// one replaced is dropped. `exhaust` reads on to the end, for a list whose size only the end tells.
import { useCallback, useEffect, useRef, useState } from 'react';
import { db } from '../../../ui/pageDatabase.ts';
import { readListPage, type ListPage, type ListRequest } from './dossierPages.ts';

const PAGE = 100;

export function useDossierList(request: ListRequest, version: unknown, exhaust: boolean): { page: ListPage | undefined; more: () => void } {
  const [page, setPage] = useState<ListPage>();
  const wanted = useRef(PAGE);
  const reading = useRef(0);
  const busy = useRef(false);
  // The request is compared by its key: a new object with the same filter is the same list.
  const requestKey = JSON.stringify(request);
  const shownKey = useRef(requestKey);
  const latest = useRef(request);
  latest.current = request;

  const read = useCallback((earlier?: ListPage) => {
    const mine = earlier ? reading.current : ++reading.current;
    busy.current = true;
    readListPage(db, latest.current, wanted.current, earlier).then(
      (next) => {
        if (mine !== reading.current) return;
        busy.current = false;
        setPage(next);
      },
      (error: unknown) => {
        busy.current = false;
        console.warn('tthc-desk: dossier list not readable', error);
      },
    );
  }, []);

  useEffect(() => {
    // A new filter starts from one page; new data rereads as many rows as were shown.
    if (shownKey.current !== requestKey) wanted.current = PAGE;
    shownKey.current = requestKey;
    read();
  }, [requestKey, version, read]);

  const more = useCallback(() => {
    if (!page?.next || busy.current) return;
    wanted.current = page.rows.length + PAGE;
    read(page);
  }, [page, read]);

  useEffect(() => {
    if (exhaust && page?.next) more();
  }, [exhaust, page, more]);

  return { page, more };
}
