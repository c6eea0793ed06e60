import type { Metadata } from "next";
import Link from "next/link";
import { pageMetadata } from "@/lib/site/metadata";

export const metadata: Metadata = pageMetadata({
  title: "Giới thiệu cổng thông tin",
  description:
    "Cổng thông tin Nông thôn mới: tin tức, thông báo kết luận và theo dõi nhiệm vụ, văn bản, số liệu thực hiện bộ tiêu chí; nguồn dữ liệu và cách cổng thống kê lượt truy cập.",
  path: "/gioi-thieu",
});

export default function AboutPage() {
  return (
    <article className="prose-vn max-w-3xl rounded border border-gray-200 bg-white p-5">
      <h1 className="mb-4 text-2xl font-semibold text-brand-800">Giới thiệu cổng thông tin</h1>
      <p>
        Cổng thông tin Nông thôn mới phục vụ Chương trình mục tiêu quốc gia xây dựng nông thôn mới: văn phòng điều phối các cấp
        công bố tin tức, thông báo kết luận của lãnh đạo cùng các nhiệm vụ được giao, văn bản chỉ đạo và số liệu thực hiện bộ tiêu
        chí; cán bộ xã, huyện, tỉnh cập nhật kết quả đánh giá tiêu chí theo quy trình công nhận.
      </p>
      <h2>Nội dung trên cổng</h2>
      <ul>
        <li>
          <Link href="/tin-tuc">Tin tức</Link>: hoạt động, hội nghị, kinh nghiệm của các địa phương, theo chuyên mục.
        </li>
        <li>
          <Link href="/thong-bao">Thông báo kết luận</Link>: mỗi nhiệm vụ ghi đơn vị chủ trì, thời hạn và tình trạng thực hiện (hoàn thành
          đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn) như các báo cáo của cơ quan nhà nước.
        </li>
        <li>
          <Link href="/van-ban">Văn bản</Link>: quyết định, nghị quyết, bộ tiêu chí và hướng dẫn; lọc theo loại, cơ quan ban hành và năm.
        </li>
        <li>
          <Link href="/so-lieu">Số liệu</Link>: số xã đạt chuẩn, số tiêu chí bình quân, các xã theo nhóm số tiêu chí đạt — chỉ gồm kết quả
          đã được thẩm tra, thẩm định hoặc công nhận.
        </li>
      </ul>
      <h2>Tìm kiếm</h2>
      <p>
        Ô tìm kiếm ở đầu trang tìm trong tin tức, thông báo và văn bản; gõ có dấu hay không dấu đều được (“nong thon moi” tìm được
        “nông thôn mới”). Theo dõi tin mới qua <a href="/rss.xml">RSS</a>.
      </p>
      <h2>Thống kê truy cập và dữ liệu cá nhân</h2>
      <p>
        Cổng không lưu dữ liệu cá nhân của người đọc: không lưu địa chỉ IP, không đặt cookie định danh. Cơ sở dữ liệu chỉ giữ số lượt
        truy cập của mỗi ngày. Để không đếm một người hai lần và biết số người “đang truy cập”, máy chủ chỉ giữ trong bộ nhớ một mã
        băm có muối của địa chỉ và trình duyệt; muối được thay mới mỗi nửa đêm nên mã băm không thể truy ngược hay nối giữa các ngày.
      </p>
      <h2>Nguồn dữ liệu</h2>
      <p>
        Danh mục đơn vị hành chính theo dữ liệu chính thức (trước và sau sắp xếp ngày 1/7/2025); tên tiêu chí theo các quyết định của
        Thủ tướng Chính phủ. Số liệu đánh giá ghi “dữ liệu mẫu” là dữ liệu trình diễn, không phải số liệu chính thức.
      </p>
    </article>
  );
}
