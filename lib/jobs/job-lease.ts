// A Postgres-backed lease: one row per job in job_locks. Taking it is one atomic statement (insert, or
// take over an expired lease), so any number of workers on any number of machines agree on who runs a
// job, on real Postgres and on PGlite alike. A live holder renews it; a dead one lets it expire.
import type { PrismaClient } from "../db/generated/client";

export interface LeaseHolder {
  job: string;
  runId: string;
  holder: string;
  expiresAt: Date;
}

export async function acquireLease(
  prisma: PrismaClient,
  lease: { job: string; runId: string; holder: string; ttlMs: number },
): Promise<boolean> {
  const rows = await prisma.$queryRaw<Array<{ run_id: string }>>`
    INSERT INTO job_locks (job, run_id, holder, acquired_at, expires_at)
    VALUES (${lease.job}, ${lease.runId}, ${lease.holder}, now(), now() + ${lease.ttlMs}::int * interval '1 millisecond')
    ON CONFLICT (job) DO UPDATE
      SET run_id = EXCLUDED.run_id, holder = EXCLUDED.holder, acquired_at = now(), expires_at = EXCLUDED.expires_at
      WHERE job_locks.expires_at < now()
    RETURNING run_id`;
  return rows.length === 1 && rows[0]?.run_id === lease.runId;
}

/** Extends the lease; false when it was lost (expired and taken by another worker). */
export async function renewLease(prisma: PrismaClient, lease: { job: string; runId: string; ttlMs: number }) {
  const renewed = await prisma.$executeRaw`
    UPDATE job_locks SET expires_at = now() + ${lease.ttlMs}::int * interval '1 millisecond'
    WHERE job = ${lease.job} AND run_id = ${lease.runId}`;
  return renewed === 1;
}

export async function releaseLease(prisma: PrismaClient, lease: { job: string; runId: string }) {
  await prisma.$executeRaw`DELETE FROM job_locks WHERE job = ${lease.job} AND run_id = ${lease.runId}`;
}

export async function currentLease(prisma: PrismaClient, job: string): Promise<LeaseHolder | null> {
  const lock = await prisma.jobLock.findUnique({
    where: { job },
    select: { job: true, runId: true, holder: true, expiresAt: true },
  });
  return lock && lock.expiresAt > new Date() ? lock : null;
}
