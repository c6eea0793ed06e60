import { redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth";
import type { Viewer } from "@/lib/authz";

/** Each role lands on the page it works in. */
function landingPage(viewer: Viewer): string {
  switch (viewer.role) {
    case "ADMIN":
      return "/quan-ly/nguoi-dung";
    case "PROVINCE_OFFICER":
    case "DISTRICT_OFFICER":
      return "/quan-ly/xa";
    case "COMMUNE_OFFICER":
      return viewer.unitId ? `/quan-ly/xa/${viewer.unitId}` : "/quan-ly/xa";
    case "DEPARTMENT_OFFICER":
      return "/quan-ly/nhiem-vu";
    case "LEADER":
      return "/quan-ly/tong-quan";
    case "EDITOR":
      return "/quan-ly/tin-bai";
  }
}

export default async function PortalHome() {
  redirect(landingPage(await requirePageViewer("/quan-ly")));
}
