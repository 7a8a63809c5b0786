// What `npm start` prints once everything runs: where each piece is, the demo token, where the
// development secret is kept with the command that mints more tokens with it, and the command that
// backs up the board it keeps. Bilingual like every message an officer or newcomer reads first.
export interface StartedServices {
  extensionDir: string;
  igateUrl: string;
  dvcqgUrl: string;
  serverUrl: string;
  unit: string;
  token: string;
  /** The file holding the development secret; null when it came from TTHC_DESK_SECRET. */
  secretFile: string | null;
  /** Where the sync server keeps the boards (its --data). */
  boardDataDir: string;
}

/** A path as a shell word: quoted when it holds anything a shell would read otherwise. */
const shellWord = (text: string) => (/^[\w./:@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** The command that mints another token signed with the same secret. */
export function mintCommand(secretFile: string | null, unit: string): string {
  const secret = secretFile === null ? '' : `TTHC_DESK_SECRET="$(cat ${shellWord(secretFile)})" `;
  return `${secret}npx tthc-desk token --unit ${unit} --user can-bo-2 --role editor`;
}

export function startBanner(s: StartedServices): string {
  const secret = s.secretFile === null ? 'TTHC_DESK_SECRET' : s.secretFile;
  return `
tthc-desk đang chạy / is running
  Tiện ích (nạp dạng "unpacked" trong chrome://extensions) / extension (load unpacked): ${s.extensionDir}
  Cổng iGate mô phỏng / demo iGate portal:      ${s.igateUrl}/vi/dossier/search
  Cổng DVC quốc gia mô phỏng / demo national portal: ${s.dvcqgUrl}/p/home/dvc-tra-cuu-ho-so.html
  Quyết định công bố (CSDL quốc gia mô phỏng) / publication decisions (demo national database): ${s.dvcqgUrl}/p/home/dvc-tthc-quyet-dinh-cong-bo.html
  Máy chủ đồng bộ / sync server:                ${s.serverUrl}  (đơn vị / unit: ${s.unit})
  Mã truy cập thử (dán vào Tuỳ chọn của tiện ích) / demo token (paste into the extension's options):
  ${s.token}
  Khoá ký mã truy cập (bí mật dùng thử) / development signing secret: ${secret}
  Cấp thêm mã / mint more tokens:
  ${mintCommand(s.secretFile, s.unit)}
  Sao lưu bảng việc của đơn vị / back up the unit's board:
  npx tthc-desk export --unit ${s.unit} --data ${shellWord(s.boardDataDir)} > ${s.unit}.json
Nhấn Ctrl+C để dừng. / Press Ctrl+C to stop.`;
}
