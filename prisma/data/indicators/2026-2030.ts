// SAMPLE indicators and thresholds for the 10 commune criteria of QĐ 51/2025/QĐ-TTg (29/12/2025),
// Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030 (Phụ lục I).
// The decision has 10 criteria and 47 indicators, but its official indicator list was not available:
// the 47 indicators below are PLAUSIBLE placeholders written to fit each criterion's name, NOT the
// official appendix. Thresholds vary by commune group (nhóm 1 strictest, nhóm 3 most lenient).
// Seeded with isSample = true, shown as "mẫu" in the portal, and editable by an admin.
// Departments use the provincial organisation in force after 01/7/2025.
import type { CriterionSpec } from "./types.ts";

export const CATALOGUE_2026_2030: CriterionSpec[] = [
  {
    number: 1, // Quy hoạch
    responsibleDepartment: "Sở Xây dựng",
    indicators: [
      {
        code: "1.1",
        name: "Có quy hoạch chung xã được phê duyệt và được công bố công khai theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "1.2",
        name: "Ban hành quy định quản lý theo quy hoạch chung xã và tổ chức thực hiện theo quy hoạch được duyệt",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 2, // Hạ tầng kinh tế - xã hội
    responsibleDepartment: "Sở Xây dựng",
    indicators: [
      {
        code: "2.1",
        name: "Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 100, 2: 100, 3: 90 },
      },
      {
        code: "2.2",
        name: "Tỷ lệ đường thôn và đường liên thôn được cứng hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 100, 2: 90, 3: 75 },
      },
      {
        code: "2.3",
        name: "Tỷ lệ đường trục chính nội đồng được cứng hóa, đảm bảo vận chuyển hàng hóa thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 90, 2: 80, 3: 60 },
      },
      {
        code: "2.4",
        name: "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 90, 2: 85, 3: 75 },
      },
      {
        code: "2.5",
        name: "Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm “4 tại chỗ”",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "2.6",
        name: "Tỷ lệ hộ sử dụng điện thường xuyên, an toàn từ các nguồn",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 100, 2: 99, 3: 97 },
      },
      {
        code: "2.7",
        name: "Xã có chợ, cửa hàng tiện lợi hoặc cơ sở bán lẻ đáp ứng nhu cầu mua bán, trao đổi hàng hóa của người dân",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "2.8",
        name: "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố; không có nhà tạm, dột nát",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 90, 3: 80 },
      },
    ],
  },
  {
    number: 3, // Phát triển kinh tế nông thôn
    responsibleDepartment: "Sở Nông nghiệp và Môi trường",
    indicators: [
      {
        code: "3.1",
        name: "Thu nhập bình quân đầu người khu vực nông thôn",
        unit: "triệu đồng/người/năm",
        kind: "NUMBER",
        comparison: "GTE",
        byGroup: { 1: 90, 2: 75, 3: 55 },
      },
      {
        code: "3.2",
        name: "Xã có hợp tác xã hoạt động hiệu quả theo quy định của Luật Hợp tác xã",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "3.3",
        name: "Xã có mô hình liên kết sản xuất gắn với tiêu thụ sản phẩm chủ lực đảm bảo bền vững",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "3.4",
        name: "Số sản phẩm OCOP của xã được công nhận đạt từ 3 sao trở lên còn hiệu lực",
        unit: "sản phẩm",
        kind: "NUMBER",
        comparison: "GTE",
        byGroup: { 1: 2, 2: 1, 3: 1 },
      },
      {
        code: "3.5",
        name: "Tỷ lệ diện tích sản xuất nông nghiệp ứng dụng công nghệ cao, sản xuất hữu cơ hoặc được chứng nhận VietGAP hoặc tương đương",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 30, 2: 20, 3: 10 },
      },
    ],
  },
  {
    number: 4, // Đào tạo nguồn nhân lực nông thôn
    responsibleDepartment: "Sở Giáo dục và Đào tạo",
    indicators: [
      {
        code: "4.1",
        name: "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 93, 3: 90 },
      },
      {
        code: "4.2",
        name: "Tỷ lệ lao động có việc làm qua đào tạo",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 80, 2: 75, 3: 60 },
      },
      {
        code: "4.3",
        name: "Tỷ lệ lao động có việc làm qua đào tạo có bằng cấp, chứng chỉ",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 40, 2: 35, 3: 25 },
      },
    ],
  },
  {
    number: 5, // Văn hóa, giáo dục, y tế
    responsibleDepartment: "Sở Văn hóa, Thể thao và Du lịch",
    indicators: [
      {
        code: "5.1",
        name: "Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao phục vụ sinh hoạt văn hóa, thể thao của toàn xã",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "5.2",
        name: "Tỷ lệ thôn đạt tiêu chuẩn văn hóa theo quy định",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 90, 2: 80, 3: 70 },
      },
      {
        code: "5.3",
        name: "Tỷ lệ trường học (mầm non, tiểu học, trung học cơ sở) có cơ sở vật chất và thiết bị dạy học đạt chuẩn quốc gia",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 100, 2: 90, 3: 75 },
      },
      {
        code: "5.4",
        name: "Phổ cập giáo dục mầm non cho trẻ em mẫu giáo; phổ cập giáo dục tiểu học; phổ cập giáo dục trung học cơ sở; xóa mù chữ",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "5.5",
        name: "Tỷ lệ học sinh tốt nghiệp trung học cơ sở được tiếp tục học trung học (phổ thông, giáo dục thường xuyên, trung cấp)",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 90, 3: 80 },
      },
      {
        code: "5.6",
        name: "Xã đạt Bộ tiêu chí quốc gia về y tế xã",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "5.7",
        name: "Tỷ lệ dân số được quản lý sức khỏe bằng hồ sơ sức khỏe điện tử",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 90, 3: 80 },
      },
    ],
  },
  {
    number: 6, // Giảm nghèo và an sinh xã hội
    responsibleDepartment: "Sở Nông nghiệp và Môi trường",
    indicators: [
      {
        code: "6.1",
        name: "Tỷ lệ hộ nghèo đa chiều",
        unit: "%",
        kind: "PERCENT",
        comparison: "LTE",
        byGroup: { 1: 1, 2: 3, 3: 8 },
      },
      {
        code: "6.2",
        name: "Tỷ lệ người dân tham gia bảo hiểm y tế",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 97, 2: 95, 3: 93 },
      },
      {
        code: "6.3",
        name: "Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 45, 2: 35, 3: 20 },
      },
      {
        code: "6.4",
        name: "Đối tượng bảo trợ xã hội được hưởng đầy đủ các chính sách trợ giúp xã hội theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 7, // Khoa học công nghệ và chuyển đổi số
    responsibleDepartment: "Sở Khoa học và Công nghệ",
    indicators: [
      {
        code: "7.1",
        name: "Tỷ lệ hồ sơ thủ tục hành chính của xã được tiếp nhận, giải quyết qua dịch vụ công trực tuyến",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 80, 2: 70, 3: 50 },
      },
      {
        code: "7.2",
        name: "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 90, 3: 80 },
      },
      {
        code: "7.3",
        name: "Tỷ lệ hộ gia đình có kết nối internet băng rộng cáp quang",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 85, 3: 70 },
      },
      {
        code: "7.4",
        name: "Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 85, 2: 75, 3: 60 },
      },
      {
        code: "7.5",
        name: "Tỷ lệ sản phẩm chủ lực, sản phẩm OCOP của xã được giới thiệu, bán trên sàn thương mại điện tử",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 80, 2: 60, 3: 40 },
      },
    ],
  },
  {
    number: 8, // Môi trường và cảnh quan nông thôn
    responsibleDepartment: "Sở Nông nghiệp và Môi trường",
    indicators: [
      {
        code: "8.1",
        name: "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 85, 3: 65 },
      },
      {
        code: "8.2",
        name: "Tỷ lệ chất thải rắn sinh hoạt trên địa bàn được thu gom, xử lý theo quy định",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 90, 3: 70 },
      },
      {
        code: "8.3",
        name: "Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn sinh hoạt tại nguồn",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 80, 2: 60, 3: 40 },
      },
      {
        code: "8.4",
        name: "Tỷ lệ hộ có nhà tiêu, nhà tắm, thiết bị chứa nước sinh hoạt hợp vệ sinh và đảm bảo 3 sạch",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 95, 2: 90, 3: 75 },
      },
      {
        code: "8.5",
        name: "Tỷ lệ cơ sở chăn nuôi đảm bảo các quy định về vệ sinh thú y, chăn nuôi và bảo vệ môi trường",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 90, 2: 85, 3: 70 },
      },
      {
        code: "8.6",
        name: "Cảnh quan, không gian nông thôn xanh - sạch - đẹp, an toàn; mai táng, hỏa táng phù hợp với quy định và theo quy hoạch",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 9, // Xây dựng hệ thống chính trị và hành chính công
    responsibleDepartment: "Sở Nội vụ",
    indicators: [
      {
        code: "9.1",
        name: "Cán bộ, công chức xã đạt chuẩn theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "9.2",
        name: "Đảng bộ, chính quyền xã được xếp loại chất lượng “hoàn thành tốt nhiệm vụ” trở lên",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "9.3",
        name: "Tỷ lệ người dân, tổ chức hài lòng với sự phục vụ của cơ quan hành chính nhà nước cấp xã",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byGroup: { 1: 90, 2: 85, 3: 80 },
      },
    ],
  },
  {
    number: 10, // Tiếp cận pháp luật và an ninh, quốc phòng
    responsibleDepartment: "Sở Tư pháp",
    indicators: [
      {
        code: "10.1",
        name: "Xã đạt chuẩn tiếp cận pháp luật",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "10.2",
        name: "Đảm bảo bình đẳng giới và phòng, chống bạo lực gia đình; phòng, chống xâm hại trẻ em; bảo vệ và hỗ trợ những người dễ bị tổn thương",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "10.3",
        name: "Xây dựng lực lượng dân quân “vững mạnh, rộng khắp” và hoàn thành các chỉ tiêu quốc phòng",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "10.4",
        name: "Xã đáp ứng yêu cầu bảo đảm an ninh, trật tự",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
];
