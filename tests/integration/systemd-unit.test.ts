// The shipped systemd template (deploy/systemd/ntm-portal@.service), checked by systemd itself:
// `systemd-analyze verify` of one instance refuses unknown keys, bad values and a command that is
// not there (node's path swapped for this machine's). Skipped, saying why, without systemd.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SHIPPED = resolve("deploy/systemd/ntm-portal@.service");
const ANALYZE = ["systemd-analyze", "/usr/bin/systemd-analyze"].find((bin) => spawnSync(bin, ["--version"], { stdio: "ignore" }).status === 0);
if (!ANALYZE) console.log("systemd-unit: skipped, systemd-analyze not installed");

describe.skipIf(!ANALYZE)("deploy/systemd/ntm-portal@.service", () => {
  it("systemd-analyze verify accepts an instance of it", () => {
    const unit = readFileSync(SHIPPED, "utf8");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node --import tsx scripts\/start-prod\.ts$/m);
    const dir = mkdtempSync(join(tmpdir(), "ntm-systemd-"));
    try {
      writeFileSync(join(dir, "ntm-portal@.service"), unit.replace(/^ExecStart=\/usr\/bin\/node /m, `ExecStart=${process.execPath} `));
      const r = spawnSync(ANALYZE!, ["verify", "--man=no", join(dir, "ntm-portal@3000.service")], { encoding: "utf8" });
      expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs as ntm with the port as its instance, and stops within the time given", () => {
    const unit = readFileSync(SHIPPED, "utf8");
    for (const line of ["User=ntm", "WorkingDirectory=/opt/ntm-portal", "EnvironmentFile=/etc/ntm-portal.env", "Environment=PORT=%i", "Restart=on-failure", "KillSignal=SIGTERM", "TimeoutStopSec=30", "NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes"]) {
      expect(unit.split("\n")).toContain(line);
    }
  });
});
