// WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, only the active tab is in the tab order.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDefinition<Id extends string> {
  id: Id;
  label: string;
  render: () => ReactNode;
}

interface Props<Id extends string> {
  tabs: TabDefinition<Id>[];
  active: Id;
  onSelect: (id: Id) => void;
  label: string;
}

export function Tabs<Id extends string>({ tabs, active, onSelect, label }: Props<Id>) {
  const buttons = useRef(new Map<Id, HTMLButtonElement>());
  const activeIndex = Math.max(0, tabs.findIndex((tab) => tab.id === active));
  const move = (event: KeyboardEvent) => {
    const next = { ArrowRight: activeIndex + 1, ArrowLeft: activeIndex - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  const current = tabs[activeIndex]!;
  return (
    <>
      <div role="tablist" aria-label={label} className="tablist" onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="tabpanel">
        {current.render()}
      </div>
    </>
  );
}
