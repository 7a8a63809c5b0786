// Texts of the capture pipeline and the on-page overlay (badges, summary chip, problems).
import type { Catalog } from '../i18n.ts';

export const captureCatalog: Catalog = {
  vi: {
    'capture.badge.label': 'Hồ sơ {code}: {state}',
    'capture.chip.label': 'tthc-desk: {overdue} hồ sơ quá hạn, {dueSoon} sắp đến hạn trên trang này',
    'capture.chip.overdue': 'Quá hạn: {count}',
    'capture.chip.dueSoon': 'Sắp đến hạn: {count}',
    'capture.notUnderstood': 'tthc-desk chưa hiểu được trang này: {count} bản ghi không đọc được ({reason})',
    'capture.reason.badJson': 'dữ liệu trả về không phải JSON',
    'capture.reason.invalidRecord': 'bản ghi sai dạng',
    'capture.reason.adapter': 'không đọc được dữ liệu của cổng',
    'capture.publication.onTime': 'Công bố: đúng hạn',
    'capture.publication.late': 'Công bố: {count} bước trễ hạn',
    'capture.publication.open': 'Công bố: còn {count} bước chưa xong',
    'capture.publication.label': 'Thủ tục {code}: {state}',
    'capture.toolbar.title': 'tthc-desk: {count} hồ sơ quá hạn',
  },
  en: {
    'capture.badge.label': 'Dossier {code}: {state}',
    'capture.chip.label': 'tthc-desk: {overdue} overdue and {dueSoon} due soon on this page',
    'capture.chip.overdue': 'Overdue: {count}',
    'capture.chip.dueSoon': 'Due soon: {count}',
    'capture.notUnderstood': 'tthc-desk could not understand this page: {count} records unreadable ({reason})',
    'capture.reason.badJson': 'the response is not JSON',
    'capture.reason.invalidRecord': 'malformed record',
    'capture.reason.adapter': 'the portal data could not be read',
    'capture.publication.onTime': 'Publication: on time',
    'capture.publication.late': 'Publication: {count} steps late',
    'capture.publication.open': 'Publication: {count} steps open',
    'capture.publication.label': 'Procedure {code}: {state}',
    'capture.toolbar.title': 'tthc-desk: {count} overdue dossiers',
  },
};
