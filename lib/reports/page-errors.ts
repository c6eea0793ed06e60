// How a report page shows a refused report: a bad query as a message on the page, anything
// outside the viewer's rights as the 403 page, an unknown report as the 404 page.
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** The message to show for a bad query; any other error does not return. */
export function reportPageError(err: unknown): string {
  if (err instanceof AppError) {
    if (err.code === "VALIDATION") return err.message;
    if (err.code === "FORBIDDEN" || err.code === "UNAUTHENTICATED") forbidden();
    if (err.code === "NOT_FOUND") notFound();
  }
  throw err;
}
