// Types of shared-cache-handler.mjs (plain JavaScript: Next.js loads it at run time).
export const TAGS_CHANNEL: string;
export const FIGURES_CHANNEL: string;
export const FIGURES_TAG: string;
export const ALL_TAGS: string;

export interface CacheEntry {
  value: unknown;
  at: number;
  tags: string[];
  lifeMs: number;
}

export class SharedTagCache {
  constructor(options?: { databaseUrl?: string; log?: (level: string, msg: string) => void; maxEntries?: number });
  readonly listening: boolean;
  get(key: string, tags?: string[]): CacheEntry | undefined;
  set(key: string, value: unknown, options: { tags?: string[]; lifeSeconds: number }): void;
  expire(tags: string[]): Promise<void>;
  stop(): Promise<void>;
}

export function processCache(): SharedTagCache;

export default class CacheHandler {
  get(key: string, ctx?: { tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[]; revalidate?: number | false }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
