// A Postgres server of the test's own, in a temp directory on a free 127.0.0.1 port, so a test can stop
// and restart it (the machine's shared server is never touched). Runs as the `postgres` user when the
// test runs as root (initdb refuses root). Undefined when no Postgres binaries are installed.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface PrivatePostgres {
  /** the admin URL (database postgres) */
  url: string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): Promise<void>;
}

function findBinDir(): string | undefined {
  const candidates = ["/usr/local/bin"];
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql") : [];
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    candidates.push(`/usr/lib/postgresql/${version}/bin`);
  }
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres | undefined> {
  const binDir = findBinDir();
  if (!binDir) return undefined;
  const asRoot = process.getuid?.() === 0;
  const root = await mkdtemp(path.join(tmpdir(), "costlens-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(root, uid, gid);
  }
  const run = (binary: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(binDir, binary);
    const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(binDir, binary), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(`${binary} ${args.join(" ")} failed: ${result.stderr || result.stdout || result.error?.message}`);
    }
  };
  const data = path.join(root, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -h 127.0.0.1 -k ${root} -c fsync=off -c full_page_writes=off -c max_connections=50`;
  const start = () => run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(root, "server.log"), "-w", "start"]);
  // Fast shutdown: open connections are terminated (57P01), as in a real restart or failover.
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    start,
    stop,
    async destroy() {
      spawnSync(asRoot ? "runuser" : path.join(binDir, "pg_ctl"), [
        ...(asRoot ? ["-u", "postgres", "--", path.join(binDir, "pg_ctl")] : []),
        "-D",
        data,
        "-m",
        "immediate",
        "stop",
      ]);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Creates a database on the private server and returns its URL. */
export async function createDatabaseOn(server: PrivatePostgres, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}
