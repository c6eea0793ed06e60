// The home page's key figures (lib/dashboard), served from the data cache under the "figures"
// tag: public figures change when an assessment is verified, appraised, recognised or revoked.
import { CACHE_TAGS } from "@/lib/cache/tags";
import { cachedRead } from "@/lib/cache/cached-read";
import { figuresFor, latestPublicYear, type Figures } from "@/lib/dashboard/queries";

export function getHomeFigures(): Promise<Figures | null> {
  return cachedRead(
    ["home-figures"],
    async () => {
      const year = await latestPublicYear();
      return year ? figuresFor({ year, publicOnly: true }) : null;
    },
    { tags: [CACHE_TAGS.figures] },
  );
}
