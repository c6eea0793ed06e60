import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteUrl } from "@/lib/site/metadata";

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection(); // the address comes from the running server's configuration, not the build's
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/quan-ly", "/api/", "/dang-nhap", "/tim-kiem"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
