// Wires the period collector of one portal page: its on-page control and its driver, whose
// answers go through the page session's normal capture path.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCollectPanel } from '../overlay/collectPanel.ts';
import type { FetchAnswer, TemplateSeen } from './collectChannel.ts';
import { startCollector, type Collector } from './collector.ts';
import type { ObservedResponse } from './pageChannel.ts';

export function startCollectSession(ctx: ContentScriptContext, session: { onResponse(message: ObservedResponse): void; queued(): Promise<unknown> }): (message: TemplateSeen | FetchAnswer) => void {
  let collector: Collector | null = null;
  const panel = createCollectPanel(ctx, () => collector);
  collector = startCollector(ctx, session, (state) => panel.render(state));
  return (message) => collector.onMessage(message);
}
