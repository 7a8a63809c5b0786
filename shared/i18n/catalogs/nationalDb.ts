// Messages about the national TTHC database's publication decisions and the publication evidence
// rule: rejection reasons of the adapter, the register's decision offer, the evidence marks.
import type { Catalog } from '../i18n.ts';

export const nationalDbCatalog: Catalog = {
  vi: {
    'nationalDb.rejected.invalidDecision': 'Quyết định công bố thiếu số, ngày hoặc mã',
    'nationalDb.rejected.invalidProcedure': 'Thủ tục trong quyết định công bố thiếu mã',
    'nationalDb.rejected.noDecision': 'Không biết danh sách thủ tục này thuộc quyết định nào',
    'nationalDb.change.new': 'công bố mới',
    'nationalDb.change.amended': 'sửa đổi, bổ sung',
    'nationalDb.change.repealed': 'bãi bỏ',
    'nationalDb.offer': 'CSDL quốc gia: Quyết định {number} ngày {date} ({change}) có thủ tục này.',
    'nationalDb.useOffer': 'Dùng làm quyết định công bố',
    'nationalDb.recorded': 'Quyết định công bố: {number}',
    'evidence.noEvidenceYet': 'chưa có bằng chứng',
    'evidence.seenBy': 'đã công khai chậm nhất ngày {date}',
    'parse.badService': 'Dịch vụ "{service}" không có; chọn một trong: {services}',
    'parse.needsService': 'Đây là danh sách thủ tục của một quyết định công bố; hãy chỉ rõ --service (một trong: {services})',
    'parse.column.number': 'Số quyết định',
    'parse.column.date': 'Ngày',
    'parse.column.change': 'Thay đổi',
  },
  en: {
    'nationalDb.rejected.invalidDecision': 'A publication decision lacks its number, date or id',
    'nationalDb.rejected.invalidProcedure': 'A procedure of a publication decision lacks its id',
    'nationalDb.rejected.noDecision': 'Which decision this list of procedures belongs to is not known',
    'nationalDb.change.new': 'new',
    'nationalDb.change.amended': 'amended',
    'nationalDb.change.repealed': 'repealed',
    'nationalDb.offer': 'National database: decision {number} of {date} ({change}) lists this procedure.',
    'nationalDb.useOffer': 'Use as the publication decision',
    'nationalDb.recorded': 'Publication decision: {number}',
    'evidence.noEvidenceYet': 'no evidence yet',
    'evidence.seenBy': 'public by {date} at the latest',
    'parse.badService': 'No service "{service}"; pick one of: {services}',
    'parse.needsService': 'This is the procedure list of a publication decision; pass --service (one of: {services})',
    'parse.column.number': 'Decision number',
    'parse.column.date': 'Date',
    'parse.column.change': 'Change',
  },
};
