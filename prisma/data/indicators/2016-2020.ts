// Indicators of the 19 commune criteria of QĐ 1980/QĐ-TTg (17/10/2016),
// Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020.
// Thresholds that public sources state are NOT here: they are loaded from
// ../ntm_indicators_sourced.csv (with their source and confidence), and the wording of those
// indicators follows that file. Everything left below — the other indicators and the regional
// values no source gives — is SAMPLE, written from memory of the decision and NOT verified
// against its official appendix: seeded with isSample = true, shown as "mẫu", editable by an
// admin. A sample regional value that differs from a sourced general level is kept (the levels
// differ by region) and stays "mẫu". Criterion numbers and names come from ntm_criteria.csv.
import type { CriterionSpec } from "./types.ts";

export const CATALOGUE_2016_2020: CriterionSpec[] = [
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
        name: "Tỷ lệ đường xã và đường từ trung tâm xã đến đường huyện được nhựa hóa hoặc bê tông hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "2.2",
        name: "Tỷ lệ đường trục thôn, bản, ấp và đường liên thôn, bản, ấp ít nhất được cứng hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 50, DBSH: 100, BTB: 70, DHNTB: 70, TN: 70, DNB: 100, DBSCL: 50 },
      },
      {
        code: "2.3",
        name: "Tỷ lệ đường ngõ, xóm sạch và không lầy lội vào mùa mưa",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "2.4",
        name: "Tỷ lệ đường trục chính nội đồng đảm bảo vận chuyển hàng hóa thuận tiện quanh năm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        byRegion: { TDMNPB: 50, DBSH: 100, BTB: 70, DHNTB: 70, TN: 60, DNB: 100, DBSCL: 50 },
      },
    ],
  },
  {
    number: 3, // Thủy lợi
    responsibleDepartment: "Sở Nông nghiệp và Phát triển nông thôn",
    indicators: [
      {
        code: "3.1",
        name: "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 80,
        byRegion: { TDMNPB: 70, TN: 70 },
      },
      {
        code: "3.2",
        name: "Đảm bảo đủ điều kiện đáp ứng yêu cầu dân sinh và theo quy định về phòng, chống thiên tai tại chỗ",
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
        name: "Hệ thống điện đạt chuẩn",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "4.2",
        name: "Tỷ lệ hộ sử dụng điện thường xuyên, an toàn từ các nguồn",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general ≥ 98%: sourced
        byRegion: { TDMNPB: 95, DBSH: 99, TN: 95, DNB: 99 },
      },
    ],
  },
  {
    number: 5, // Trường học
    responsibleDepartment: "Sở Giáo dục và Đào tạo",
    indicators: [
      {
        code: "5.1",
        name: "Tỷ lệ trường học các cấp (mầm non, mẫu giáo, tiểu học, trung học cơ sở) có cơ sở vật chất và thiết bị dạy học đạt chuẩn quốc gia",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general ≥ 80% and ĐBSCL ≥ 70%: sourced
        byRegion: { TDMNPB: 70, DBSH: 100, TN: 70, DNB: 100 },
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
        name: "Tỷ lệ thôn, bản, ấp có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng",
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
        name: "Tỷ lệ hộ có nhà ở đạt tiêu chuẩn theo quy định",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general ≥ 80%: sourced
        byRegion: { TDMNPB: 75, DBSH: 90, TN: 75, DNB: 90, DBSCL: 70 },
      },
    ],
  },
  {
    number: 10, // Thu nhập
    responsibleDepartment: "Sở Nông nghiệp và Phát triển nông thôn",
    indicators: [
      {
        code: "10.1",
        name: "Thu nhập bình quân đầu người khu vực nông thôn đến năm 2020",
        unit: "triệu đồng/người",
        kind: "NUMBER",
        comparison: "GTE",
        // general and every region: sourced
      },
    ],
  },
  {
    number: 11, // Hộ nghèo
    responsibleDepartment: "Sở Lao động - Thương binh và Xã hội",
    indicators: [
      {
        code: "11.1",
        name: "Tỷ lệ hộ nghèo đa chiều giai đoạn 2016–2020",
        unit: "%",
        kind: "PERCENT",
        comparison: "LTE",
        // general ≤ 6%: sourced
        byRegion: { TDMNPB: 12, DBSH: 2, BTB: 5, DHNTB: 5, TN: 7, DNB: 1, DBSCL: 4 },
      },
    ],
  },
  {
    number: 12, // Lao động có việc làm
    responsibleDepartment: "Sở Lao động - Thương binh và Xã hội",
    indicators: [
      {
        code: "12.1",
        name: "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general ≥ 90%: sourced
      },
    ],
  },
  {
    number: 13, // Tổ chức sản xuất
    responsibleDepartment: "Sở Nông nghiệp và Phát triển nông thôn",
    indicators: [
      {
        code: "13.1",
        name: "Xã có hợp tác xã hoạt động theo đúng quy định của Luật Hợp tác xã năm 2012",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "13.2",
        name: "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực đảm bảo bền vững",
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
        name: "Phổ cập giáo dục mầm non cho trẻ 5 tuổi, xóa mù chữ, phổ cập giáo dục tiểu học đúng độ tuổi; phổ cập giáo dục trung học cơ sở",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "14.2",
        name: "Tỷ lệ học sinh tốt nghiệp trung học cơ sở được tiếp tục học trung học (phổ thông, bổ túc, trung cấp)",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general and every region: sourced
      },
      {
        code: "14.3",
        name: "Tỷ lệ lao động có việc làm qua đào tạo",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general and every region: sourced
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
        // general ≥ 85%: sourced
      },
      { code: "15.2", name: "Xã đạt tiêu chí quốc gia về y tế", kind: "BOOLEAN", comparison: "EQ" },
      {
        code: "15.3",
        name: "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)",
        unit: "%",
        kind: "PERCENT",
        comparison: "LTE",
        // general and every region: sourced (a ceiling; the sources write "tối thiểu")
      },
    ],
  },
  {
    number: 16, // Văn hóa
    responsibleDepartment: "Sở Văn hóa, Thể thao và Du lịch",
    indicators: [
      {
        code: "16.1",
        name: "Tỷ lệ thôn, bản, ấp đạt tiêu chuẩn văn hóa theo quy định",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general ≥ 70%: sourced
      },
    ],
  },
  {
    number: 17, // Môi trường và an toàn thực phẩm
    responsibleDepartment: "Sở Tài nguyên và Môi trường",
    indicators: [
      // 17.1 sets two levels, hygienic water and, of it, clean water: one value each, so two parts
      {
        code: "17.1.1",
        name: "Tỷ lệ hộ được sử dụng nước hợp vệ sinh và nước sạch theo quy định — phần nước hợp vệ sinh",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general and six regions: sourced; Duyên hải Nam Trung Bộ uses the general level
      },
      {
        code: "17.1.2",
        name: "Tỷ lệ hộ được sử dụng nước hợp vệ sinh và nước sạch theo quy định — trong đó nước sạch",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // every region: sourced
      },
      {
        code: "17.2",
        name: "Tỷ lệ cơ sở sản xuất - kinh doanh, nuôi trồng thủy sản, làng nghề đảm bảo quy định về bảo vệ môi trường",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "17.3",
        name: "Xây dựng cảnh quan, môi trường xanh - sạch - đẹp, an toàn",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "17.4",
        name: "Mai táng phù hợp với quy định và theo quy hoạch",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "17.5",
        name: "Chất thải rắn trên địa bàn và nước thải khu dân cư tập trung, cơ sở sản xuất - kinh doanh được thu gom, xử lý theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "17.6",
        name: "Tỷ lệ hộ có nhà tiêu, nhà tắm, bể chứa nước sinh hoạt hợp vệ sinh và đảm bảo 3 sạch",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // general ≥ 85%: sourced
        byRegion: { DBSH: 90, DNB: 90, BTB: 80, DHNTB: 80 },
      },
      {
        code: "17.7",
        name: "Tỷ lệ hộ chăn nuôi có chuồng trại chăn nuôi đảm bảo vệ sinh môi trường",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 60,
        byRegion: { DBSH: 80, DNB: 80, BTB: 70, DHNTB: 70 },
      },
      {
        code: "17.8",
        name: "Tỷ lệ hộ gia đình và cơ sở sản xuất, kinh doanh thực phẩm tuân thủ các quy định về đảm bảo an toàn thực phẩm",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        // 100%: sourced
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
        name: "Có đủ các tổ chức trong hệ thống chính trị cơ sở theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "18.3",
        name: "Đảng bộ, chính quyền xã đạt tiêu chuẩn “trong sạch, vững mạnh”",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "18.4",
        name: "Tỷ lệ tổ chức chính trị - xã hội của xã đạt loại khá trở lên",
        unit: "%",
        kind: "PERCENT",
        comparison: "GTE",
        general: 100,
      },
      {
        code: "18.5",
        name: "Xã đạt chuẩn tiếp cận pháp luật theo quy định",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
      {
        code: "18.6",
        name: "Đảm bảo bình đẳng giới và phòng chống bạo lực gia đình; bảo vệ và hỗ trợ những người dễ bị tổn thương trong các lĩnh vực của gia đình và đời sống xã hội",
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
        name: "Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và đảm bảo bình yên: không có khiếu kiện đông người kéo dài; không để xảy ra trọng án; tội phạm và tệ nạn xã hội được kiềm chế, giảm liên tục so với các năm trước",
        kind: "BOOLEAN",
        comparison: "EQ",
      },
    ],
  },
];
