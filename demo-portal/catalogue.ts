// The demo portal's fixed lists: 40 procedures, 30 units of a province (Quảng Nam before the 2025
// merger, suffix H48), status names and invented applicant names. Codes follow the real shapes
// (1.001612.000.00.00.H48, agency 000.00.53.H48) but the pairs are illustrative, not official.

export interface CatalogueProcedure {
  nationalCode: string;
  name: string;
  sector: string;
  /** Processing time in working days (iGate: processingTime, unit "d", timesheet "Ngày làm việc"). */
  days: number;
  level: 'Toàn trình' | 'Một phần';
  /** Handled by one department (index into `departments`) or by every district. */
  handler: number | 'district';
}

export const LOCAL_SUFFIX = '.000.00.00.H48';

export const departments = [
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường',
  'Sở Kế hoạch và Đầu tư',
  'Sở Giao thông vận tải',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Khoa học và Công nghệ',
  'Sở Nội vụ',
] as const;

export const districts = [
  'UBND thành phố Tam Kỳ',
  'UBND thành phố Hội An',
  'UBND thị xã Điện Bàn',
  'UBND huyện Đại Lộc',
  'UBND huyện Duy Xuyên',
  'UBND huyện Thăng Bình',
  'UBND huyện Quế Sơn',
  'UBND huyện Núi Thành',
  'UBND huyện Phú Ninh',
  'UBND huyện Tiên Phước',
  'UBND huyện Hiệp Đức',
  'UBND huyện Bắc Trà My',
  'UBND huyện Nam Trà My',
  'UBND huyện Phước Sơn',
  'UBND huyện Nông Sơn',
  'UBND huyện Đông Giang',
  'UBND huyện Tây Giang',
] as const;

const p = (nationalCode: string, name: string, sector: string, days: number, level: CatalogueProcedure['level'], handler: CatalogueProcedure['handler']): CatalogueProcedure => ({ nationalCode, name, sector, days, level, handler });

export const procedures: CatalogueProcedure[] = [
  p('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 1, 'Toàn trình', 'district'),
  p('1.000894', 'Đăng ký kết hôn', 'Hộ tịch', 3, 'Một phần', 'district'),
  p('1.000656', 'Đăng ký khai tử', 'Hộ tịch', 1, 'Toàn trình', 'district'),
  p('2.000635', 'Cấp bản sao trích lục hộ tịch', 'Hộ tịch', 1, 'Toàn trình', 'district'),
  p('1.001022', 'Đăng ký nhận cha, mẹ, con', 'Hộ tịch', 3, 'Một phần', 'district'),
  p('1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 3, 'Toàn trình', 'district'),
  p('2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp', 'Chứng thực', 2, 'Một phần', 'district'),
  p('2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'Chứng thực', 2, 'Một phần', 'district'),
  p('1.004227', 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'Đất đai', 10, 'Một phần', 'district'),
  p('1.004203', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất', 'Đất đai', 7, 'Một phần', 'district'),
  p('1.003010', 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu', 'Đất đai', 20, 'Một phần', 'district'),
  p('1.001990', 'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền', 'Đất đai', 15, 'Một phần', 'district'),
  p('1.009994', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Hoạt động xây dựng', 15, 'Toàn trình', 'district'),
  p('1.009995', 'Cấp giấy phép xây dựng sửa chữa, cải tạo công trình', 'Hoạt động xây dựng', 20, 'Một phần', 1),
  p('1.009998', 'Gia hạn giấy phép xây dựng', 'Hoạt động xây dựng', 5, 'Toàn trình', 'district'),
  p('2.000720', 'Đăng ký thành lập hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh', 3, 'Toàn trình', 'district'),
  p('2.000575', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh', 3, 'Toàn trình', 'district'),
  p('1.005374', 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên', 'Thành lập và hoạt động doanh nghiệp', 3, 'Toàn trình', 3),
  p('1.001612', 'Tạm ngừng kinh doanh hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh', 3, 'Toàn trình', 'district'),
  p('1.002809', 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'Đường bộ', 5, 'Toàn trình', 4),
  p('1.002861', 'Cấp giấy phép kinh doanh vận tải bằng xe ô tô', 'Đường bộ', 5, 'Toàn trình', 4),
  p('1.001776', 'Trợ giúp xã hội thường xuyên đối với đối tượng bảo trợ xã hội', 'Bảo trợ xã hội', 15, 'Một phần', 'district'),
  p('1.000105', 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', 'Việc làm', 5, 'Toàn trình', 5),
  p('1.003124', 'Xác định hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình', 'Bảo trợ xã hội', 10, 'Một phần', 'district'),
  p('1.005095', 'Chuyển trường đối với học sinh trung học cơ sở', 'Giáo dục trung học', 3, 'Một phần', 'district'),
  p('1.000288', 'Công nhận trường mầm non đạt chuẩn quốc gia', 'Giáo dục mầm non', 20, 'Một phần', 7),
  p('1.003937', 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh', 'Khám bệnh, chữa bệnh', 20, 'Một phần', 6),
  p('1.001108', 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'An toàn thực phẩm', 20, 'Một phần', 6),
  p('1.001029', 'Cấp giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'Văn hóa', 5, 'Toàn trình', 8),
  p('1.000954', 'Xét tặng danh hiệu Gia đình văn hóa', 'Văn hóa cơ sở', 5, 'Một phần', 'district'),
  p('1.010727', 'Cấp giấy phép môi trường', 'Môi trường', 20, 'Một phần', 2),
  p('1.004232', 'Cấp giấy phép khai thác, sử dụng nước dưới đất', 'Tài nguyên nước', 20, 'Một phần', 2),
  p('1.004363', 'Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'Bảo vệ thực vật', 15, 'Toàn trình', 10),
  p('2.001227', 'Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh', 'Trồng trọt', 10, 'Một phần', 'district'),
  p('2.000633', 'Cấp giấy phép bán lẻ sản phẩm rượu', 'Lưu thông hàng hóa trong nước', 10, 'Toàn trình', 'district'),
  p('2.000190', 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'Kinh doanh khí', 15, 'Một phần', 9),
  p('2.000488', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', 'Lý lịch tư pháp', 10, 'Toàn trình', 0),
  p('1.000775', 'Tặng Giấy khen của Chủ tịch UBND cấp huyện về thực hiện nhiệm vụ chính trị', 'Thi đua - khen thưởng', 20, 'Một phần', 'district'),
  p('1.001078', 'Thông báo tổ chức quyên góp ngoài địa bàn một xã nhưng trong địa bàn một tỉnh', 'Tín ngưỡng, tôn giáo', 20, 'Một phần', 12),
  p('1.003627', 'Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ', 'Hoạt động khoa học và công nghệ', 15, 'Toàn trình', 11),
];

/** iGate dossier statuses as the demo portal names them (the real id→name list is not published). */
export const statuses = {
  registered: { id: 1, name: 'Mới đăng ký' },
  processing: { id: 2, name: 'Đang xử lý' },
  awaitingSupplement: { id: 3, name: 'Chờ bổ sung hồ sơ' },
  returned: { id: 4, name: 'Đã trả kết quả' },
  suspended: { id: 5, name: 'Tạm dừng xử lý' },
  cancelled: { id: 6, name: 'Đã hủy' },
} as const;

export const applyMethods = [
  { id: 0, name: 'Trực tuyến' },
  { id: 1, name: 'Trực tiếp' },
  { id: 2, name: 'Qua bưu chính công ích' },
] as const;

export const paymentMethods = ['Thanh toán trực tuyến', 'Trực tiếp tại Bộ phận Một cửa', 'Chuyển khoản ngân hàng'] as const;

// Invented people: common family, middle and given names recombined; no real person is meant.
export const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'] as const;
export const middleNames = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu', 'Thanh', 'Đức', 'Thu', 'Quốc', 'Kim'] as const;
export const givenNames = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'] as const;
export const streets = ['Phan Chu Trinh', 'Hùng Vương', 'Trần Cao Vân', 'Nguyễn Duy Hiệu', 'Lê Lợi', 'Hai Bà Trưng', 'Bạch Đằng', 'Quang Trung'] as const;
