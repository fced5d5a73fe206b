// The collector's PostgreSQL tests need a server on 127.0.0.1. As with
// Chromium, install Debian's when it is missing and we are allowed to (root),
// else say how; then make sure a cluster exists and listens on 127.0.0.1 only.
// The tests create their own role and databases over the local socket.
// LLMSCOPE_TEST_POSTGRES_URL (a server elsewhere) skips all of this.
import { existsSync, readdirSync } from "node:fs";
import { execFileSync, execSync } from "node:child_process";

const LIB = process.env.LLMSCOPE_POSTGRES_LIB ?? "/usr/lib/postgresql";
const isRoot = process.env.LLMSCOPE_ASSUME_NOT_ROOT ? false : process.getuid?.() === 0;
const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const installed = () => existsSync(LIB) && readdirSync(LIB).some((v) => existsSync(`${LIB}/${v}/bin/postgres`));

if (process.env.LLMSCOPE_TEST_POSTGRES_URL) process.exit(0);

let fresh = false;
if (!installed()) {
  if (!isRoot) {
    console.error(
      "PostgreSQL is missing: the collector's tests need a server on 127.0.0.1. Install Debian's (apt-get install -y postgresql) " +
        "and run the tests again (they create their own role), or set LLMSCOPE_TEST_POSTGRES_URL to a server whose role may create databases.",
    );
    process.exit(1);
  }
  console.log("Installing Debian PostgreSQL for the store tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql", { stdio: "inherit" });
  fresh = true;
}

const clusters = () =>
  run("pg_lsclusters", ["--no-header"]).split("\n").map((l) => l.trim().split(/\s+/)).filter((f) => f.length >= 4);
if (!clusters().length) {
  const version = readdirSync(LIB).filter((v) => existsSync(`${LIB}/${v}/bin/postgres`)).sort((a, b) => Number(a) - Number(b)).pop();
  run("pg_createcluster", [version, "main"]);
}
const [version, name, port, status] = clusters()[0];
// a cluster the install started itself listens on every localhost address: restart it on 127.0.0.1
if (fresh && status.startsWith("online")) run("pg_ctlcluster", [version, name, "stop"]);
const online = !fresh && status.startsWith("online");
if (!online) {
  if (!isRoot) {
    console.error(`PostgreSQL ${version}/${name} is not running: start it (pg_ctlcluster ${version} ${name} start) or run the tests as root.`);
    process.exit(1);
  }
  run("pg_ctlcluster", [version, name, "start", "--", "-o", "-c listen_addresses=127.0.0.1"]);
}
run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", port, "-t", "30"]);
