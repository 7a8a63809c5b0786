// The one message the sync server adds to the stock y-websocket protocol: after an editor's
// updates are durably stored, a client that connected with `ack=1` receives
// [messageSavedAck, the stored document's state vector]. Stock clients never ask for it.
// Server and board client both read the number from here so the contract cannot drift.
export const messageSavedAck = 100;
