// The OpenAPI document of the open data API, generated from the zod schemas the routes validate
// with (so the document cannot drift from what the API accepts and answers).
import { z } from "zod";
import { ZCommunesQuery, ZCommunesResponse } from "./communes";
import { LICENCE, ZStatsQuery, ZStatsResponse } from "./open-data";

type Shape = Record<string, z.ZodType>;

function parameters(schema: { shape: Shape } | z.ZodType): object[] {
  const shape = ("shape" in schema ? schema.shape : {}) as Shape;
  return Object.entries(shape).map(([name, field]) => ({
    name,
    in: "query",
    required: !field.safeParse(undefined).success,
    schema: z.toJSONSchema(field, { io: "input", unrepresentable: "any" }),
  }));
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "output", unrepresentable: "any" });

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Dữ liệu mở — Cổng thông tin Nông thôn mới",
      version: "1",
      description: "Số liệu chính thức: xã đạt chuẩn nông thôn mới (có quyết định công nhận còn hiệu lực) trên danh sách xã thực hiện Chương trình, và kết quả thực hiện tiêu chí theo báo cáo đã được xác nhận, tính đến một ngày (den-ngay).",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.vi" },
      "x-licence-line": LICENCE,
    },
    servers: [{ url: origin }],
    paths: {
      "/api/v1/thong-ke": {
        get: {
          summary: "Số liệu tổng hợp của cả nước, một tỉnh hoặc một huyện",
          parameters: parameters(ZStatsQuery),
          responses: {
            "200": { description: "Số liệu (JSON; CSV với dinh_dang=csv)", content: { "application/json": { schema: json(ZStatsResponse) }, "text/csv": {} } },
            "304": { description: "Không đổi so với ETag đã có" },
            "400": { description: "Tham số không hợp lệ (thông báo tiếng Việt)" },
            "404": { description: "Không có đơn vị mã này vào ngày đó" },
          },
        },
      },
      "/api/v1/xa": {
        get: {
          summary: "Danh sách xã của một tỉnh hoặc huyện: danh hiệu, quyết định, báo cáo gần nhất",
          parameters: parameters(ZCommunesQuery),
          responses: {
            "200": { description: "Danh sách xã (JSON; CSV với dinh_dang=csv, phan_cach=cham-phay cho Excel tiếng Việt)", content: { "application/json": { schema: json(ZCommunesResponse) }, "text/csv": {} } },
            "304": { description: "Không đổi so với ETag đã có" },
            "400": { description: "Tham số không hợp lệ (thông báo tiếng Việt)" },
            "404": { description: "Không có đơn vị mã này vào ngày đó" },
          },
        },
      },
    },
  };
}
