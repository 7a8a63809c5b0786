// The sync state in words the officer can act on; "saved" is shown only on the server's own ack.
import { t } from '../../../../shared/i18n/i18n.ts';
import { personLabel, type Peer, type SyncStatus, type TokenUser } from '../../../board/channel.ts';

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
    <>
      <p className={`board-sync tone-${tone[status.state]}`} role="status" data-sync-state={status.state}>
        {text}
      </p>
      {status.rejected && <RejectedChange rejected={status.rejected} />}
    </>
  );
}

/** The change the server refused, named, and why: "bị từ chối: quá lớn" or the server's own reason. */
function RejectedChange({ rejected }: { rejected: NonNullable<SyncStatus['rejected']> }) {
  const reason = rejected.reason === 'tooLarge' ? t('board.rejected.tooLarge') : rejected.reason;
  const change = rejected.change ?? t('board.rejected.unnamed');
  return (
    <p className="board-sync tone-danger" role="alert" data-sync-rejected={rejected.reason}>
      {t('board.sync.rejected', { reason, change })}
    </p>
  );
}

/**
 * Who is here: this officer and each colleague as the server's tokens name them (what nobody can
 * forge), with the display name they chose beside it.
 */
export function PresenceBar({ peers, me, name }: { peers: Peer[]; me: TokenUser | null; name: string }) {
  const names = [...new Set(peers.map((p) => personLabel(p.name, p.user)))].join(', ');
  return (
    <>
      {me && <p className="board-presence muted" data-testid="board-self">{t('board.signedInAs', { person: personLabel(name, me), role: t(`board.role.${me.role}`) })}</p>}
      {peers.length > 0 && <p className="board-presence muted" data-testid="board-presence">{t('board.online', { names })}</p>}
    </>
  );
}
