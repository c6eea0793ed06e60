// SAMPLE indicators and thresholds for the 19 commune criteria of QĐ 318/QĐ-TTg (08/3/2022),
// Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025 (first appendix; not the nâng cao set).
// Thresholds that public sources state are NOT here: they are loaded from
// ../ntm_indicators_sourced.csv (with their source and confidence), and the wording of those
// indicators (3.1, 3.2, 5.1, 14.1) follows that file. The rest follows the outline in
// docs/domain.md §1a, written from memory: it is NOT verified against the official appendix,
// nor against the amendments of QĐ 211/QĐ-TTg (2024), whose changed indicators the portal does
// not hold. Seeded with isSample = true, shown as "mẫu" in the portal, and editable by an admin.
import type { CriterionSpec } from "./types.ts";

export const CATALOGUE_2021_2025: CriterionSpec[] = [
  {
    number: 1, // Quy hoạch
    responsibleDepartment: "Sở Xây dựng",
    indicators: [
      {
        code: "1.1",
        name: "Có quy hoạch chung xây dựng xã được phê duyệt và được công bố công khai đúng thời hạn",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "1.2",
        name: "Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 2, // Giao thông
    responsibleDepartment: "Sở Giao thông vận tải",
    indicators: [
      {
        code: "2.1",
        name: "Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "2.2",
        name: "Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 70, DBSH: 100, BTB: 85, DHNTB: 85, TN: 80, DNB: 100, DBSCL: 70 },
      },
      {
        code: "2.3",
        name: "Tỷ lệ đường ngõ, xóm được cứng hóa, đảm bảo sạch và không lầy lội vào mùa mưa",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 70, DBSH: 100, BTB: 80, DHNTB: 80, TN: 75, DNB: 100, DBSCL: 70 },
      },
      {
        code: "2.4",
        name: "Tỷ lệ đường trục chính nội đồng được cứng hóa, đảm bảo vận chuyển hàng hóa thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 50, DBSH: 80, BTB: 60, DHNTB: 60, TN: 55, DNB: 80, DBSCL: 50 },
      },
    ],
  },
  {
    number: 3, // Thủy lợi và phòng, chống thiên tai
    responsibleDepartment: "Sở Nông nghiệp và Phát triển nông thôn",
    indicators: [
      {
        code: "3.1",
        name: "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general ≥ 80%: sourced
        byRegion: { TDMNPB: 70, DBSH: 90, TN: 70, DNB: 90 },
      },
      {
        code: "3.2",
        name: "Đảm bảo yêu cầu chủ động về phòng chống thiên tai theo phương châm 4 tại chỗ",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 4, // Điện
    responsibleDepartment: "Sở Công Thương",
    indicators: [
      {
        code: "4.1",
        name: "Hệ thống điện đảm bảo yêu cầu kỹ thuật của ngành điện",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "4.2",
        name: "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên, an toàn từ các nguồn",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 98,
        byRegion: { TDMNPB: 95, DBSH: 99, TN: 95, DNB: 99 },
      },
    ],
  },
  {
    number: 5, // Trường học
    responsibleDepartment: "Sở Giáo dục và Đào tạo",
    indicators: [
      {
        // the sources give a condition per region (100% of schools at the minimum standard, of which
        // a share at level 1), not one rate: a yes/no indicator whose condition is the threshold's note
        code: "5.1",
        name: "Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS; hoặc trường phổ thông có nhiều cấp học có cấp học cao nhất là THCS) đạt tiêu chuẩn cơ sở vật chất theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 6, // Cơ sở vật chất văn hóa
    responsibleDepartment: "Sở Văn hóa, Thể thao và Du lịch",
    indicators: [
      {
        code: "6.1",
        name: "Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao phục vụ sinh hoạt văn hóa, thể thao của toàn xã",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "6.2",
        name: "Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "6.3",
        name: "Tỷ lệ thôn, bản có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
    ],
  },
  {
    number: 7, // Cơ sở hạ tầng thương mại nông thôn
    responsibleDepartment: "Sở Công Thương",
    indicators: [
      {
        code: "7.1",
        name: "Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 8, // Thông tin và Truyền thông
    responsibleDepartment: "Sở Thông tin và Truyền thông",
    indicators: [
      { code: "8.1", name: "Xã có điểm phục vụ bưu chính", kind: "BOOLEAN", comparison: "EQ" },
      { code: "8.2", name: "Xã có dịch vụ viễn thông, internet", kind: "BOOLEAN", comparison: "EQ" },
      {
        code: "8.3",
        name: "Xã có đài truyền thanh và hệ thống loa đến các thôn",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "8.4",
        name: "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 9, // Nhà ở dân cư
    responsibleDepartment: "Sở Xây dựng",
    indicators: [
      { code: "9.1", name: "Không có nhà tạm, dột nát", kind: "BOOLEAN", comparison: "EQ" },
      {
        code: "9.2",
        name: "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 75, DBSH: 90, BTB: 80, DHNTB: 80, TN: 75, DNB: 90, DBSCL: 70 },
      },
    ],
  },
  {
    number: 10, // Thu nhập
    responsibleDepartment: "Sở Nông nghiệp và Phát triển nông thôn",
    indicators: [
      {
        code: "10.1",
        name: "Thu nhập bình quân đầu người khu vực nông thôn năm 2025",
        unit: "triệu đồng/người/năm",
        kind: "NUMBER",
        comparison: "GTE",
        byRegion: { TDMNPB: 48, DBSH: 69, BTB: 54, DHNTB: 54, TN: 54, DNB: 75, DBSCL: 63 },
      },
    ],
  },
  {
    number: 11, // Nghèo đa chiều
    responsibleDepartment: "Sở Lao động - Thương binh và Xã hội",
    indicators: [
      {
        code: "11.1",
        name: "Tỷ lệ nghèo đa chiều giai đoạn 2021–2025",
        unit: "%",
        kind: "PERCENT",
        comparison: "LTE",
        byRegion: { TDMNPB: 6, DBSH: 2, BTB: 4, DHNTB: 4, TN: 5, DNB: 1, DBSCL: 3 },
      },
    ],
  },
  {
    number: 12, // Lao động
    responsibleDepartment: "Sở Lao động - Thương binh và Xã hội",
    indicators: [
      {
        code: "12.1",
        name: "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 90,
      },
      {
        code: "12.2",
        name: "Tỷ lệ lao động có việc làm qua đào tạo",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 55, DBSH: 75, BTB: 65, DHNTB: 65, TN: 60, DNB: 75, DBSCL: 60 },
      },
      {
        code: "12.3",
        name: "Tỷ lệ lao động có việc làm qua đào tạo có bằng cấp, chứng chỉ",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 20, DBSH: 30, BTB: 25, DHNTB: 25, TN: 20, DNB: 30, DBSCL: 20 },
      },
    ],
  },
  {
    number: 13, // Tổ chức sản xuất và phát triển kinh tế nông thôn
    responsibleDepartment: "Sở Nông nghiệp và Phát triển nông thôn",
    indicators: [
      {
        code: "13.1",
        name: "Xã có hợp tác xã hoạt động hiệu quả và theo đúng quy định của Luật Hợp tác xã",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "13.2",
        name: "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực đảm bảo bền vững",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "13.3",
        name: "Thực hiện truy xuất nguồn gốc các sản phẩm chủ lực của xã gắn với xây dựng vùng nguyên liệu và được chứng nhận VietGAP hoặc tương đương",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "13.4",
        name: "Có kế hoạch và triển khai kế hoạch bảo tồn, phát triển làng nghề, làng nghề truyền thống gắn với hạ tầng về bảo vệ môi trường",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "13.5",
        name: "Có tổ khuyến nông cộng đồng hoạt động hiệu quả",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 14, // Giáo dục và Đào tạo
    responsibleDepartment: "Sở Giáo dục và Đào tạo",
    indicators: [
      {
        code: "14.1",
        name: "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi; phổ cập giáo dục tiểu học; phổ cập giáo dục trung học cơ sở; xóa mù chữ",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "14.2",
        name: "Tỷ lệ học sinh tốt nghiệp trung học cơ sở được tiếp tục học trung học (phổ thông, giáo dục thường xuyên, trung cấp)",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 70, DBSH: 90, BTB: 85, DHNTB: 85, TN: 75, DNB: 90, DBSCL: 75 },
      },
    ],
  },
  {
    number: 15, // Y tế
    responsibleDepartment: "Sở Y tế",
    indicators: [
      {
        code: "15.1",
        name: "Tỷ lệ người dân tham gia bảo hiểm y tế",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 95,
        byRegion: { TDMNPB: 90, TN: 90, DBSCL: 90 },
      },
      { code: "15.2", name: "Xã đạt tiêu chí quốc gia về y tế", kind: "BOOLEAN", comparison: "EQ" },
      {
        code: "15.3",
        name: "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)",
        unit: "%",
        kind: "PERCENT",
        comparison: "LTE",
        byRegion: { TDMNPB: 26, DBSH: 17, BTB: 22, DHNTB: 22, TN: 28, DNB: 16, DBSCL: 21 },
      },
      {
        code: "15.4",
        name: "Tỷ lệ dân số có sổ khám chữa bệnh điện tử",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 50,
      },
      {
        code: "15.5",
        name: "Tỷ lệ dân số được quản lý sức khỏe (hồ sơ sức khỏe điện tử)",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 90,
        byRegion: { TDMNPB: 80, TN: 85 },
      },
    ],
  },
  {
    number: 16, // Văn hóa
    responsibleDepartment: "Sở Văn hóa, Thể thao và Du lịch",
    indicators: [
      {
        code: "16.1",
        name: "Tỷ lệ thôn, bản đạt tiêu chuẩn văn hóa theo quy định, có kế hoạch và thực hiện kế hoạch xây dựng nông thôn mới",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 70,
      },
    ],
  },
  {
    number: 17, // Môi trường và an toàn thực phẩm
    responsibleDepartment: "Sở Tài nguyên và Môi trường",
    indicators: [
      {
        code: "17.1",
        name: "Tỷ lệ hộ được sử dụng nước sinh hoạt hợp vệ sinh và nước sạch theo quy định",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 90, DBSH: 98, BTB: 95, DHNTB: 95, TN: 90, DNB: 98, DBSCL: 95 },
      },
      {
        code: "17.2",
        name: "Tỷ lệ cơ sở sản xuất, kinh doanh, nuôi trồng thủy sản, làng nghề đảm bảo quy định về bảo vệ môi trường",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "17.3",
        name: "Xây dựng cảnh quan, môi trường xanh - sạch - đẹp, an toàn; không để xảy ra tồn đọng nước thải sinh hoạt tại các khu dân cư tập trung",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "17.4",
        name: "Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn",
        unit: "m²/người",
        kind: "NUMBER",
        comparison: "GTE",
        general: 2,
      },
      {
        code: "17.5",
        name: "Mai táng, hỏa táng phù hợp với quy định và theo quy hoạch",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "17.6",
        name: "Tỷ lệ chất thải rắn sinh hoạt và chất thải rắn không nguy hại trên địa bàn được thu gom, xử lý theo quy định",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 70, DBSH: 90, BTB: 80, DHNTB: 80, TN: 75, DNB: 90, DBSCL: 80 },
      },
      {
        code: "17.7",
        name: "Tỷ lệ bao gói thuốc bảo vệ thực vật sau sử dụng và chất thải rắn y tế được thu gom, xử lý đáp ứng yêu cầu về bảo vệ môi trường",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "17.8",
        name: "Tỷ lệ hộ có nhà tiêu, nhà tắm, thiết bị chứa nước sinh hoạt hợp vệ sinh và đảm bảo 3 sạch",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 70, DBSH: 90, BTB: 80, DHNTB: 80, TN: 70, DNB: 90, DBSCL: 75 },
      },
      {
        code: "17.9",
        name: "Tỷ lệ cơ sở chăn nuôi đảm bảo các quy định về vệ sinh thú y, chăn nuôi và bảo vệ môi trường",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 60, DBSH: 80, BTB: 70, DHNTB: 70, TN: 60, DNB: 80, DBSCL: 70 },
      },
      {
        code: "17.10",
        name: "Tỷ lệ hộ gia đình và cơ sở sản xuất, kinh doanh thực phẩm tuân thủ các quy định về đảm bảo an toàn thực phẩm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "17.11",
        name: "Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 20, DBSH: 40, BTB: 30, DHNTB: 30, TN: 20, DNB: 40, DBSCL: 30 },
      },
      {
        code: "17.12",
        name: "Tỷ lệ chất thải nhựa phát sinh trên địa bàn được thu gom, tái sử dụng, tái chế, xử lý theo quy định",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 50, DBSH: 70, BTB: 60, DHNTB: 60, TN: 50, DNB: 70, DBSCL: 60 },
      },
    ],
  },
  {
    number: 18, // Hệ thống chính trị và tiếp cận pháp luật
    responsibleDepartment: "Sở Nội vụ",
    indicators: [
      { code: "18.1", name: "Cán bộ, công chức xã đạt chuẩn", kind: "BOOLEAN", comparison: "EQ" },
      {
        code: "18.2",
        name: "Đảng bộ, chính quyền xã được xếp loại chất lượng “hoàn thành tốt nhiệm vụ” trở lên",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "18.3",
        name: "Tỷ lệ tổ chức chính trị - xã hội của xã được xếp loại chất lượng “hoàn thành tốt nhiệm vụ” trở lên",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "18.4",
        name: "Xã đạt chuẩn tiếp cận pháp luật",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "18.5",
        name: "Đảm bảo bình đẳng giới và phòng, chống bạo lực gia đình; phòng, chống bạo lực trên cơ sở giới; phòng, chống xâm hại trẻ em; bảo vệ và hỗ trợ những người dễ bị tổn thương trong các lĩnh vực của gia đình và đời sống xã hội",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "18.6",
        name: "Có kế hoạch và triển khai kế hoạch bồi dưỡng kiến thức về xây dựng nông thôn mới cho người dân, đảm bảo khách quan, công khai, minh bạch",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
  {
    number: 19, // Quốc phòng và An ninh
    responsibleDepartment: "Bộ Chỉ huy Quân sự tỉnh",
    indicators: [
      {
        code: "19.1",
        name: "Xây dựng lực lượng dân quân “vững mạnh, rộng khắp” và hoàn thành các chỉ tiêu quốc phòng",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "19.2",
        name: "Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và đảm bảo bình yên",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
];
