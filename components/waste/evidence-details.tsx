import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates";
import { formatUsd } from "@/lib/format/money";
import type { RecommendationDetail } from "@/lib/queries/recommendations";
import type { Evidence } from "@/lib/waste/evidence";
import { Stat } from "../ui/stat";
import { Table, Td, Th } from "../ui/table";

const sectionHeading = "mb-3 text-lg font-semibold";

/** Current vs projected monthly cost and the saving, exact until formatted; then how it was worked out. */
export function EvidenceCosts({
  recommendation,
  evidence,
}: {
  recommendation: Pick<RecommendationDetail, "currentMonthlyCost" | "projectedMonthlyCost" | "monthlySaving">;
  evidence: Evidence | null;
}) {
  return (
    <section aria-labelledby="cost-heading">
      <h2 id="cost-heading" className={sectionHeading}>
        Cost
        {evidence?.estimated ? (
          <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-50">
            Estimate
          </span>
        ) : null}
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Costs now, a month" value={formatUsd(recommendation.currentMonthlyCost)} />
        <Stat label="After the fix, a month" value={formatUsd(recommendation.projectedMonthlyCost)} />
        <Stat label="Monthly saving" value={formatUsd(recommendation.monthlySaving)} detail="730 hours a month" />
      </div>
      {evidence?.estimated ? (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">
          Part of this figure is estimated (for example, NAT traffic split by destination without flow logs).
        </p>
      ) : null}
      {evidence ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">Formula</h3>
          <pre className="mt-1 whitespace-pre-wrap rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100">
            <code>{evidence.formula}</code>
          </pre>
        </div>
      ) : null}
    </section>
  );
}

/** The prices the saving came from, exactly as stored, with the date each took effect. */
export function EvidencePrices({ evidence }: { evidence: Evidence }) {
  return (
    <section aria-labelledby="prices-heading">
      <h2 id="prices-heading" className={sectionHeading}>
        Prices used
      </h2>
      {evidence.prices.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No price entered this calculation.</p>
      ) : (
        <Table caption="Prices used in the saving">
          <thead>
            <tr>
              <Th>Price</Th>
              <Th>Key</Th>
              <Th>Region</Th>
              <Th numeric>USD per unit</Th>
              <Th>Unit</Th>
              <Th>Effective</Th>
            </tr>
          </thead>
          <tbody>
            {evidence.prices.map((price) => (
              <tr key={`${price.kind}|${price.key}|${price.region}|${price.effectiveDate}`}>
                <Td>
                  <code className="text-xs">{price.kind}</code>
                </Td>
                <Td>{price.key}</Td>
                <Td>{price.region}</Td>
                {/* The stored decimal as is: rounding a $0.0116 hourly price to cents would show $0.01. */}
                <Td numeric>${price.usdPerUnit}</Td>
                <Td>{price.unit}</Td>
                <Td>{price.effectiveDate}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

export function FactList({ facts }: { facts: Evidence["facts"] }) {
  if (facts.length === 0) return null;
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading" className={sectionHeading}>
        Facts
      </h2>
      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white px-5 py-4 text-sm dark:border-slate-800 dark:bg-slate-900 sm:grid-cols-[max-content_1fr]">
        {facts.map((fact, index) => (
          <div key={`${fact.label}-${index}`} className="contents">
            <dt className="font-medium text-slate-600 dark:text-slate-400">{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}

/** The resource, who owns it, and where it lives in Terraform. */
export function ResourceDetails({ recommendation }: { recommendation: RecommendationDetail }) {
  const { resource } = recommendation;
  return (
    <section aria-labelledby="resource-heading">
      <h2 id="resource-heading" className={sectionHeading}>
        Resource
      </h2>
      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white px-5 py-4 text-sm dark:border-slate-800 dark:bg-slate-900 sm:grid-cols-[max-content_1fr]">
        <Row label="Resource ID">
          <code>{recommendation.resourceId}</code>
        </Row>
        {resource?.name ? <Row label="Name">{resource.name}</Row> : null}
        {resource?.sizeType ? <Row label="Size">{resource.sizeType}</Row> : null}
        {resource?.state ? <Row label="State">{resource.state}</Row> : null}
        <Row label="Account">{recommendation.accountId}</Row>
        <Row label="Region">{recommendation.region}</Row>
        <Row label="Owner squad">
          {recommendation.squad ? (
            <Link
              href={`/waste?${new URLSearchParams({ squad: recommendation.squad })}`}
              className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
            >
              {recommendation.squadName ?? recommendation.squad}
            </Link>
          ) : (
            "Unallocated (no team tag or ownership rule matches)"
          )}
        </Row>
        {resource?.environmentTag ? <Row label="Environment">{resource.environmentTag}</Row> : null}
        <Row label="Terraform address">
          {recommendation.terraformAddress ? (
            <code>{recommendation.terraformAddress}</code>
          ) : (
            "Not known: the resource was not found in Terraform state"
          )}
        </Row>
        <Row label="Detected">{formatDateTime(new Date(recommendation.detectedAt))}</Row>
        <Row label="Last updated">{formatDateTime(new Date(recommendation.updatedAt))}</Row>
        {resource?.goneOn ? <Row label="Gone from inventory">{resource.goneOn}</Row> : null}
      </dl>
    </section>
  );
}

export function TagTable({ tags }: { tags: Record<string, string> }) {
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading" className={sectionHeading}>
        Tags
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This resource has no tags.</p>
      ) : (
        <Table caption="Resource tags">
          <thead>
            <tr>
              <Th>Key</Th>
              <Th>Value</Th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <Td>
                  <code className="text-xs">{key}</code>
                </Td>
                <Td>{String(value)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
