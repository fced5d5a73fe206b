// Finds the machine's PostgreSQL for tests and benchmarks, starts it when it is
// installed but not running, and sets up a password role reached over TCP on
// 127.0.0.1 only. No environment variable is needed; LLMSCOPE_TEST_POSTGRES_URL
// points at another server instead (a role that may create databases).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const HOST = "127.0.0.1";
const ROLE = "llmscope_test";
const PASSWORD = "llmscope_test";

const INSTALL_HINT =
  "PostgreSQL is not installed. Install Debian's server with `apt-get install -y postgresql` " +
  "(the tests start it and create their own role), or set LLMSCOPE_TEST_POSTGRES_URL to a server " +
  "whose role may create databases.";

interface Cluster {
  version: string;
  name: string;
  port: number;
  online: boolean;
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
}

function has(cmd: string): boolean {
  try {
    run("sh", ["-c", `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

function clusters(): Cluster[] {
  if (!has("pg_lsclusters")) return [];
  return run("pg_lsclusters", ["--no-header"])
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 4)
    .map(([version, name, port, status]) => ({ version: version!, name: name!, port: Number(port), online: status!.startsWith("online") }));
}

function serverInstalled(): boolean {
  return existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));
}

function ready(port: number): boolean {
  try {
    run("pg_isready", ["-q", "-h", HOST, "-p", String(port)]);
    return true;
  } catch {
    return false;
  }
}

async function waitReady(port: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    if (ready(port)) return true;
  }
  return false;
}

/** starts the first Debian cluster when none listens on 127.0.0.1; returns its port */
async function ensureCluster(): Promise<number> {
  const all = clusters();
  if (!all.length) throw new Error(serverInstalled() ? "PostgreSQL is installed but has no cluster: run `pg_createcluster 15 main`." : INSTALL_HINT);
  const up = all.find((c) => c.online && ready(c.port));
  if (up) return up.port;
  const c = all[0]!;
  try {
    run("pg_ctlcluster", [c.version, c.name, "start", "--", "-o", `-c listen_addresses=${HOST}`]);
  } catch (err) {
    // another test file may be starting it at the same moment; waiting tells
    if (!(await waitReady(c.port, 1000))) throw new Error(`could not start PostgreSQL ${c.version}/${c.name}: ${(err as { stderr?: string }).stderr ?? err}`);
  }
  if (!(await waitReady(c.port, 30_000))) throw new Error(`PostgreSQL ${c.version}/${c.name} did not accept connections on ${HOST}:${c.port}`);
  return c.port;
}

/** the role tests connect as, created over the local socket as the postgres superuser */
function ensureRole(port: number): void {
  const sql = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
      CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}';
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`;
  // runuser lives in /usr/sbin, which a minimal PATH may lack
  const runuser = has("runuser") ? "runuser" : "/usr/sbin/runuser";
  try {
    run(runuser, ["-u", "postgres", "--", "psql", "-q", "-p", String(port), "-v", "ON_ERROR_STOP=1", "-c", sql]);
  } catch (err) {
    throw new Error(
      `could not create the test role as the postgres user (tests create it as root with runuser): ${(err as { stderr?: string }).stderr ?? err}. ` +
        "Run the tests as root, or set LLMSCOPE_TEST_POSTGRES_URL.",
    );
  }
}

let admin: Promise<string> | undefined;

/** a connection URL (to the `postgres` database) for a role that may create databases */
export function testPostgresAdminUrl(): Promise<string> {
  admin ??= (async () => {
    const override = process.env.LLMSCOPE_TEST_POSTGRES_URL;
    if (override) return override;
    const port = await ensureCluster();
    ensureRole(port);
    return `postgres://${ROLE}:${PASSWORD}@${HOST}:${port}/postgres`;
  })();
  return admin;
}
