// npm run build — the production build every instance runs (scripts/lib/build.ts): next build,
// then the static files into .next/standalone. start:prod never builds.
import { buildPortal } from "./lib/build.ts";

process.exit(buildPortal());
