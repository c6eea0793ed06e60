// Every benchmark of `npm run bench`, in the order they run. Add new ones here.
import { criterionSave } from "./criterion-save.ts";
import { dashboardNational, dashboardProvince, sqlFloorBench, statsApi } from "./dashboard.ts";
import type { Benchmark } from "./lib/types.ts";
import { importNational, importProvince } from "./import.ts";
import { publicArticle } from "./public-article.ts";
import { staffLoad } from "./staff-load.ts";
import { uploadAbuse } from "./upload-abuse.ts";

export const BENCHMARKS: Benchmark[] = [criterionSave, sqlFloorBench, dashboardNational, dashboardProvince, statsApi, publicArticle, importProvince, importNational, staffLoad, uploadAbuse];
