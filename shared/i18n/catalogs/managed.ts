import type { Catalog } from '../i18n.ts';

// Settings the organisation pushes by browser policy (chrome.storage.managed), and moving the
// extension's data to another computer.
export const managedCatalog: Catalog = {
  vi: {
    'managed.setByOrganisation': 'Do tổ chức thiết lập',
    'transfer.title': 'Chuyển dữ liệu sang máy khác',
    'transfer.help': 'Lưu mọi thứ tiện ích giữ trên máy này (hồ sơ, công bố, chỉ tiêu, cài đặt, bảng việc) vào một tệp, rồi nạp tệp đó trên máy mới. Nạp lại nhiều lần không tạo bản trùng.',
    'transfer.export': 'Lưu ra tệp',
    'transfer.import': 'Nạp từ tệp',
    'transfer.exported': 'Đã lưu tệp dữ liệu',
    'transfer.imported': 'Đã nạp: thêm {count} mục, bỏ qua {skipped} mục đã có',
    'transfer.notOurs': 'Tệp {file} không phải tệp dữ liệu của tthc-desk; không nạp gì',
  },
  en: {
    'managed.setByOrganisation': 'Set by your organisation',
    'transfer.title': 'Move your data to another computer',
    'transfer.help': 'Saves everything the extension keeps on this computer (dossiers, publications, indicators, settings, boards) into one file, to load on the new computer. Loading it again never makes duplicates.',
    'transfer.export': 'Save to a file',
    'transfer.import': 'Load from a file',
    'transfer.exported': 'Data file saved',
    'transfer.imported': 'Loaded: {count} entries added, {skipped} already here skipped',
    'transfer.notOurs': 'File {file} is not a tthc-desk data file; nothing was loaded',
  },
};
