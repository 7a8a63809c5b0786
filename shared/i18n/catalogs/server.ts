import type { Catalog } from '../i18n.ts';

// Messages of the sync server and its commands (tthc-desk token / serve / export).

/** A shell command that makes a secret of 32 random bytes, with the Node the project already needs. */
const MAKE_SECRET = `export TTHC_DESK_SECRET="$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')"`;

export const serverCatalog: Catalog = {
  vi: {
    'server.noSecret': 'Chưa đặt biến môi trường TTHC_DESK_SECRET (khoá ký mã truy cập); tạo một khoá bằng lệnh ' + MAKE_SECRET + ' rồi chạy lại',
    'server.badRole': 'Vai trò "{role}" không hợp lệ; chọn editor hoặc viewer',
    'server.badTtl': 'Thời hạn "{ttl}" không hợp lệ; cần một số giây nguyên dương',
    'server.badPort': 'Cổng "{port}" không hợp lệ; cần một số từ 0 đến 65535',
    'server.badUrl': 'Địa chỉ {flag} "{url}" không hợp lệ; cần dạng {expected}',
    'server.badConfig': 'Cấu hình máy chủ không hợp lệ: {detail}',
    'server.listening': 'Máy chủ đồng bộ đang chạy tại {url} (lưu trữ: {store}; chia sẻ: {fanout})',
    'server.stopping': 'Đang dừng máy chủ đồng bộ, lưu nốt dữ liệu…',
    'server.stopped': 'Đã dừng máy chủ đồng bộ',
    'server.cannotStart': 'Không khởi động được máy chủ đồng bộ: {detail}',
    'server.portInUse': 'Cổng {port} đang có chương trình khác dùng; hãy dừng chương trình đó hoặc chọn cổng khác bằng --port',
    'server.badHost': 'Không mở được máy chủ trên địa chỉ "{host}" của máy này; hãy kiểm tra --host',
    'server.badStore': 'Tệp {file} không phải kho đồng bộ đọc được ({detail}); hãy kiểm tra --data',
    'server.badDataDir': 'Không dùng được "{dir}" làm thư mục dữ liệu ({reason}); hãy chọn thư mục khác bằng --data',
    'server.noData': 'Thư mục dữ liệu "{dir}" không có kho đồng bộ',
    'server.noUnit': 'Kho đồng bộ không có dữ liệu của đơn vị "{unit}"; các đơn vị có dữ liệu: {units}',
    'server.exportSource': 'Hãy chỉ định đúng một nguồn: --data THƯ_MỤC (SQLite) hoặc --postgres URL (PostgreSQL)',
    'server.badPostgres': 'Không đọc được kho đồng bộ trong PostgreSQL tại {url} ({detail}); hãy kiểm tra --postgres',
    'server.noPostgresStore': 'Cơ sở dữ liệu PostgreSQL {url} không có kho đồng bộ',
  },
  en: {
    'server.noSecret': 'TTHC_DESK_SECRET (the token signing secret) is not set; make one with ' + MAKE_SECRET + ' and run again',
    'server.badRole': 'Role "{role}" is not valid; choose editor or viewer',
    'server.badTtl': 'Lifetime "{ttl}" is not valid; it must be a positive whole number of seconds',
    'server.badPort': 'Port "{port}" is not valid; it must be a number from 0 to 65535',
    'server.badUrl': '{flag} address "{url}" is not valid; it must look like {expected}',
    'server.badConfig': 'Invalid server configuration: {detail}',
    'server.listening': 'Sync server listening at {url} (store: {store}; fan-out: {fanout})',
    'server.stopping': 'Stopping the sync server, storing what is left…',
    'server.stopped': 'Sync server stopped',
    'server.cannotStart': 'The sync server could not start: {detail}',
    'server.portInUse': 'Port {port} is used by another program; stop it or choose another port with --port',
    'server.badHost': 'Cannot listen on address "{host}" of this machine; check --host',
    'server.badStore': 'File {file} is not a readable sync store ({detail}); check --data',
    'server.badDataDir': '"{dir}" cannot be used as the data directory ({reason}); choose another with --data',
    'server.noData': 'Data directory "{dir}" holds no sync store',
    'server.noUnit': 'The sync store holds nothing for unit "{unit}"; units it holds: {units}',
    'server.exportSource': 'Give exactly one source: --data DIR (SQLite) or --postgres URL (PostgreSQL)',
    'server.badPostgres': 'Cannot read the sync store in PostgreSQL at {url} ({detail}); check --postgres',
    'server.noPostgresStore': 'PostgreSQL database {url} holds no sync store',
  },
};
