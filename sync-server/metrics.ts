// Counters and one latency histogram, rendered as Prometheus text for GET /metrics.
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export type RefusalReason = 'missing' | 'invalid' | 'expired' | 'wrong_unit' | 'bad_room' | 'rate_limited' | 'too_many_connections' | 'too_many_updates' | 'not_ready';

export class SyncMetrics {
  connections = 0;
  rooms = 0;
  hibernatingRooms = 0;
  updatesIn = 0;
  updatesOut = 0;
  bytesIn = 0;
  bytesOut = 0;
  droppedViewerUpdates = 0;
  droppedAwarenessBytes = 0;
  closedForBadMessages = 0;
  storeFailures = 0;
  refusedPresence = 0;
  throttledConnections = 0;
  closedForFlooding = 0;
  refusedForQuota = 0;
  droppedPendingSockets = 0;
  readonly refused = new Map<RefusalReason, number>();
  readonly #storeBuckets = latencyBuckets.map(() => 0);
  #storeCount = 0;
  #storeSum = 0;

  refuse(reason: RefusalReason): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1);
  }

  observeStore(seconds: number): void {
    this.#storeCount += 1;
    this.#storeSum += seconds;
    latencyBuckets.forEach((le, i) => {
      if (seconds <= le) this.#storeBuckets[i]! += 1;
    });
  }

  render(): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    metric('tthc_sync_connections', 'gauge', 'Open websocket connections.', this.connections);
    metric('tthc_sync_rooms', 'gauge', 'Rooms (units) held in memory.', this.rooms);
    metric('tthc_sync_hibernating_rooms', 'gauge', 'Rooms held only as encoded state (no edit for a while).', this.hibernatingRooms);
    metric('tthc_sync_updates_in_total', 'counter', 'Editor updates received.', this.updatesIn);
    metric('tthc_sync_updates_out_total', 'counter', 'Update messages sent to clients.', this.updatesOut);
    metric('tthc_sync_bytes_in_total', 'counter', 'Websocket bytes received.', this.bytesIn);
    metric('tthc_sync_bytes_out_total', 'counter', 'Websocket bytes sent.', this.bytesOut);
    metric('tthc_sync_viewer_updates_dropped_total', 'counter', 'Updates from viewers, dropped unstored.', this.droppedViewerUpdates);
    metric('tthc_sync_awareness_bytes_dropped_total', 'counter', 'Presence bytes dropped by the awareness cap.', this.droppedAwarenessBytes);
    metric('tthc_sync_bad_messages_total', 'counter', 'Connections closed for a malformed or oversized message.', this.closedForBadMessages);
    metric('tthc_sync_presence_refused_total', 'counter', 'Presence changes to another officer’s state, dropped.', this.refusedPresence);
    metric('tthc_sync_throttled_total', 'counter', 'Times a connection over its update budget was slowed.', this.throttledConnections);
    metric('tthc_sync_flooding_closed_total', 'counter', 'Connections closed for sending too many updates (4529).', this.closedForFlooding);
    metric('tthc_sync_quota_refused_total', 'counter', 'Connections closed for an update past the room quota (4413).', this.refusedForQuota);
    metric('tthc_sync_pending_sockets_dropped_total', 'counter', 'Sockets closed over the per-address cap of unfinished upgrades.', this.droppedPendingSockets);
    metric('tthc_sync_store_failures_total', 'counter', 'Store appends that failed (nothing relayed).', this.storeFailures);
    lines.push('# HELP tthc_sync_refused_connections_total Connections refused at the upgrade, by reason.', '# TYPE tthc_sync_refused_connections_total counter');
    for (const [reason, count] of this.refused) lines.push(`tthc_sync_refused_connections_total{reason="${reason}"} ${count}`);
    lines.push('# HELP tthc_sync_store_latency_seconds Time to store a batch of updates durably.', '# TYPE tthc_sync_store_latency_seconds histogram');
    latencyBuckets.forEach((le, i) => lines.push(`tthc_sync_store_latency_seconds_bucket{le="${le}"} ${this.#storeBuckets[i]}`));
    lines.push(`tthc_sync_store_latency_seconds_bucket{le="+Inf"} ${this.#storeCount}`);
    lines.push(`tthc_sync_store_latency_seconds_sum ${this.#storeSum}`, `tthc_sync_store_latency_seconds_count ${this.#storeCount}`);
    return `${lines.join('\n')}\n`;
  }
}
