// npm run user:create-admin -- --email <e-mail> --name <họ tên>
// Creates a national administrator (ADMIN, whole country) on the portal's database: DATABASE_URL,
// or the embedded PostgreSQL under .data/. The first account of a real installation, seeded with
// `npm run db:seed -- --no-demo` (which creates none). The password is ADMIN_PASSWORD, or one
// generated and printed once; either way the account must replace it at its first sign-in. It
// goes through the portal's own account service (lib/users/service.ts createUser): the password
// policy, an e-mail already taken refused, the audit row ("by": "system-operator"). Pending
// migrations are applied first (under the setup lock). Exit code 0 when the account was created,
// 1 when refused, 2 for a wrong command line.
import { parseArgs } from "node:util";
import { runCli } from "./lib/runtime.ts";
import { setUpDatabase } from "./lib/setup-lock.ts";

const USAGE =
  "Cách dùng: npm run user:create-admin -- --email <email> --name <họ tên>\n" +
  "Mật khẩu: biến môi trường ADMIN_PASSWORD, hoặc bỏ trống để sinh ngẫu nhiên (in ra một lần).";

let values: { email?: string; name?: string };
try {
  ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } }));
} catch (err) {
  console.error(`${err instanceof Error ? err.message : err}\n${USAGE}`);
  process.exit(2);
}
if (!values.email?.trim() || !values.name?.trim()) {
  console.error(USAGE);
  process.exit(2);
}
const { email, name } = values as { email: string; name: string };

/** Which option or variable each field of the account form comes from. */
const SOURCES: Record<string, string> = { email: "--email", name: "--name", password: "ADMIN_PASSWORD" };

await runCli(async (database) => {
  await setUpDatabase(database.url, { seed: null, log: (m) => console.log(m) });
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db.ts");
  const { SYSTEM_OPERATOR } = await import("../lib/authz.ts");
  const { AppError } = await import("../lib/errors.ts");
  const { parseInput } = await import("../lib/forms.ts");
  const { ZCreateUserForm } = await import("../lib/users/schemas.ts");
  const { createUser } = await import("../lib/users/service.ts");
  const { generateTemporaryPassword } = await import("../lib/users/password.ts");
  try {
    const given = process.env.ADMIN_PASSWORD;
    const password = given || generateTemporaryPassword(email.trim().toLowerCase());
    const input = parseInput(ZCreateUserForm, {
      email,
      name,
      role: "ADMIN",
      unitId: "", // national
      organisationId: "",
      password,
      confirm: password,
    });
    const { id } = await createUser(SYSTEM_OPERATOR, input);
    console.log(`Đã tạo tài khoản quản trị toàn quốc ${input.email} (${input.name}, mã ${id}).`);
    if (!given) console.log(`Mật khẩu tạm thời (chỉ hiện một lần, hãy chuyển cho người dùng): ${password}`);
    console.log("Ở lần đăng nhập đầu, tài khoản phải đổi mật khẩu trước khi làm việc khác.");
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const details = Object.entries(err.fieldErrors ?? {}).flatMap(([field, messages]) => messages.map((m) => `  ${SOURCES[field] ?? field}: ${m}`));
    console.error(`Không tạo tài khoản ${email.trim()}:\n${details.length ? details.join("\n") : `  ${err.message}`}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
});
