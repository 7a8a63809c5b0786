// The sync state in words the officer can act on; "saved" is shown only on the server's own ack.
import { t } from '../../../../shared/i18n/i18n.ts';
import type { Peer, SyncStatus } from '../../../board/channel.ts';

const tone: Record<SyncStatus['state'], string> = {
  local: 'info', offline: 'warn', connecting: 'info', refused: 'danger', saving: 'info', saved: 'ok',
};

export function SyncBadge({ status }: { status: SyncStatus }) {
  const text = status.state === 'local'
    ? t('board.sync.notConfigured')
    : status.state === 'refused'
      ? t('board.sync.refused', { reason: t(`board.refused.${status.reason ?? 'invalid'}`) })
      : status.state === 'offline' && status.reason === 'unreachable'
        ? t('board.sync.unreachable')
        : t(`board.sync.${status.state}`);
  return (
    <p className={`board-sync tone-${tone[status.state]}`} role="status" data-sync-state={status.state}>
      {text}
    </p>
  );
}

export function PresenceBar({ peers }: { peers: Peer[] }) {
  if (peers.length === 0) return null;
  const names = [...new Set(peers.map((p) => p.name))].join(', ');
  return <p className="board-presence muted" data-testid="board-presence">{t('board.online', { names })}</p>;
}
