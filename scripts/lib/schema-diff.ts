// Diffs the Prisma schema against a database with Prisma's own schema engine, compiled to
// WebAssembly (@prisma/schema-engine-wasm), because the native engine cannot be downloaded
// offline. Used only by `npm run db:migrate` to write new migrations.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

// Without a registry the engine's panics surface as an unreadable TypeError.
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    throw new Error(`Prisma schema engine panicked: ${message}`);
  },
};

let ready: Promise<void> | undefined;
function loadEngine(): Promise<void> {
  ready ??= (async () => {
    const pkgDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = readFileSync(join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return ready;
}

/**
 * adapter-pg 7.10 has no mapping for PostgreSQL's "char" type (OID 18), which the engine reads
 * from pg_constraint.contype: present such columns as bpchar, then report them as Character.
 */
const PG_CHAR = 18;
const PG_BPCHAR = 1042;
type Queryable = {
  performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(q: unknown): Promise<{ columnTypes: number[] }>;
};
function withCharColumns<T>(adapter: T): T {
  const a = adapter as unknown as Queryable;
  const performIO = a.performIO.bind(a);
  const queryRaw = a.queryRaw.bind(a);
  let charColumns: number[] = [];
  a.performIO = async (q) => {
    const result = await performIO(q);
    charColumns = [];
    result.fields.forEach((f, i) => {
      if (f.dataTypeID === PG_CHAR) {
        f.dataTypeID = PG_BPCHAR;
        charColumns.push(i);
      }
    });
    return result;
  };
  a.queryRaw = async (q) => {
    const result = await queryRaw(q);
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

function adapterFactory(url: string) {
  const inner = new PrismaPg({ connectionString: url });
  return bindMigrationAwareSqlAdapterFactory({
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withCharColumns(await inner.connect()),
    connectToShadowDb: async () => {
      throw new Error("no shadow database: migrations are diffed against a scratch database");
    },
  } as never);
}

export async function diffSchemaAgainstDatabase(schemaPath: string, url: string): Promise<string> {
  await loadEngine();
  const factory = adapterFactory(url);
  const schema = readFileSync(schemaPath, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    factory,
  );
  try {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: [{ path: schemaPath, content: schema }], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    } as never);
    return (result as { stdout: string }).stdout;
  } finally {
    engine.free();
  }
}
