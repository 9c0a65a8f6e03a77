// GetRightsizingRecommendation for AmazonEC2, answered honestly from the planted waste: oversized
// instances get MODIFY (within the family, or to Graviton with CROSS_INSTANCE_FAMILY), zombie instances
// get TERMINATE. Savings are on-demand instance prices over 730 hours.
import { SERVICE } from "../../../org/costs";
import { instanceTypeSpec } from "../../../org/instance-types";
import { formatMicros } from "../../../org/micros";
import type { Ec2Instance, Organisation, WasteType } from "../../../org/model";
import { HOURS_PER_MONTH } from "../../../org/prices";
import { instanceHourlyMicros } from "../../../org/resource-prices";
import { rightsizingTargets } from "../../../org/generate-workload-instances";
import { compileFilter } from "./filter";
import { invalid, optionalInteger, optionalObject, optionalString, requiredString, type Json } from "./input";
import type { Dimensioned } from "./line-dimensions";
import { decodePageToken, encodePageToken } from "./page-token";
import { pageOf } from "./period-scan";

const REGION_NAMES: Record<string, string> = { "us-east-1": "US East (N. Virginia)", "us-west-2": "US West (Oregon)" };

function resourceDetails(org: Organisation, instance: Pick<Ec2Instance, "region" | "instanceType">): Json {
  const spec = instanceTypeSpec(instance.instanceType);
  return {
    EC2ResourceDetails: {
      HourlyOnDemandRate: formatMicros(instanceHourlyMicros(org, instance)),
      InstanceType: instance.instanceType,
      Platform: "Linux/UNIX",
      Region: REGION_NAMES[instance.region] ?? instance.region,
      Memory: `${spec.memoryGiB} GiB`,
      Vcpu: String(spec.vcpus),
      NetworkPerformance: "Up to 10 Gigabit",
      Storage: "EBS only",
    },
  };
}

interface Recommendation {
  json: Json;
  monthlyMicros: number;
  savingMicros: number;
}

function recommendation(
  org: Organisation,
  instance: Ec2Instance,
  type: WasteType,
  crossFamily: boolean,
): Recommendation | undefined {
  const monthly = instanceHourlyMicros(org, instance) * HOURS_PER_MONTH;
  const current = {
    ResourceId: instance.id,
    InstanceName: instance.tags.Name ?? "",
    Tags: Object.entries(instance.tags).map(([Key, value]) => ({ Key, Values: [value] })),
    ResourceDetails: resourceDetails(org, instance),
    ResourceUtilization: {
      EC2ResourceUtilization: {
        MaxCpuUtilizationPercentage: String(instance.usage.cpuMax),
        ...(instance.usage.memoryP95 !== undefined
          ? { MaxMemoryUtilizationPercentage: String(instance.usage.memoryP95) }
          : {}),
      },
    },
    ReservationCoveredHoursInLookbackPeriod: "0",
    SavingsPlansCoveredHoursInLookbackPeriod: "0",
    OnDemandHoursInLookbackPeriod: "336",
    TotalRunningHoursInLookbackPeriod: "336",
    MonthlyCost: formatMicros(monthly),
    CurrencyCode: "USD",
  };
  if (type === "zombie-instance") {
    const json = {
      AccountId: instance.accountId,
      CurrentInstance: current,
      RightsizingType: "TERMINATE",
      TerminateRecommendationDetail: { EstimatedMonthlySavings: formatMicros(monthly), CurrencyCode: "USD" },
      FindingReasonCodes: ["CPU_OVER_PROVISIONED", "NETWORK_BANDWIDTH_OVER_PROVISIONED"],
    };
    return { json, monthlyMicros: monthly, savingMicros: monthly };
  }
  const targets = rightsizingTargets(instance.instanceType);
  if (!targets) return undefined;
  const targetType = crossFamily && instance.tags["arm-ready"] === "true" ? targets.graviton : targets.sameFamily;
  const target = { region: instance.region, instanceType: targetType };
  const targetMonthly = instanceHourlyMicros(org, target) * HOURS_PER_MONTH;
  const json = {
    AccountId: instance.accountId,
    CurrentInstance: current,
    RightsizingType: "MODIFY",
    ModifyRecommendationDetail: {
      TargetInstances: [
        {
          EstimatedMonthlyCost: formatMicros(targetMonthly),
          EstimatedMonthlySavings: formatMicros(monthly - targetMonthly),
          CurrencyCode: "USD",
          DefaultTargetInstance: true,
          ResourceDetails: resourceDetails(org, target),
          ExpectedResourceUtilization: {
            EC2ResourceUtilization: { MaxCpuUtilizationPercentage: String(Math.min(100, instance.usage.cpuMax * 2)) },
          },
          PlatformDifferences: targetType === targets.graviton ? ["HYPERVISOR"] : [],
        },
      ],
    },
    FindingReasonCodes: ["CPU_OVER_PROVISIONED"],
  };
  return { json, monthlyMicros: monthly, savingMicros: monthly - targetMonthly };
}

export function getRightsizingRecommendation(input: Json, org: Organisation): Json {
  const service = requiredString(input, "Service");
  if (service !== "AmazonEC2") throw invalid(`Service ${service} is not supported. Supported: AmazonEC2`);
  const configuration = optionalObject(input, "Configuration");
  const target = configuration
    ? (optionalString(configuration, "RecommendationTarget") ?? "SAME_INSTANCE_FAMILY")
    : "SAME_INSTANCE_FAMILY";
  if (target !== "SAME_INSTANCE_FAMILY" && target !== "CROSS_INSTANCE_FAMILY")
    throw invalid(`RecommendationTarget ${target} is not valid`);
  const benefitsConsidered = configuration?.BenefitsConsidered !== false;
  const pageSize = optionalInteger(input, "PageSize", 1, 1000) ?? 100;
  const filter = optionalObject(input, "Filter");
  const matches = filter ? compileFilter(filter).matches : () => true;

  const instances = new Map(org.instances.map((i) => [i.id, i]));
  const recommendations: Recommendation[] = [];
  for (const planted of org.planted) {
    if (planted.type !== "rightsizing" && planted.type !== "zombie-instance") continue;
    const instance = instances.get(planted.resourceId);
    if (!instance || instance.state !== "running" || (instance.goneDay && instance.goneDay <= org.today)) continue;
    const asLine: Dimensioned = {
      accountId: instance.accountId,
      region: instance.region,
      service: SERVICE.ec2Compute,
      usageType: `BoxUsage:${instance.instanceType}`,
      recordType: "Usage",
      instanceType: instance.instanceType,
      tags: instance.tags,
    };
    if (!matches(asLine)) continue;
    const entry = recommendation(org, instance, planted.type, target === "CROSS_INSTANCE_FAMILY");
    if (entry) recommendations.push(entry);
  }
  const totalSaving = recommendations.reduce((sum, r) => sum + r.savingMicros, 0);
  const totalCost = recommendations.reduce((sum, r) => sum + r.monthlyMicros, 0);
  const { page, next } = pageOf(
    recommendations.map((r) => r.json),
    decodePageToken(input),
    pageSize,
  );
  return {
    Metadata: {
      RecommendationId: `sandbox-${org.seed}-${org.today}`,
      GenerationTimestamp: `${org.today}T00:00:00Z`,
      LookbackPeriodInDays: "FOURTEEN_DAYS",
      AdditionalMetadata: "Generated by the CostLens sandbox from its planted waste",
    },
    Summary: {
      TotalRecommendationCount: String(recommendations.length),
      EstimatedTotalMonthlySavingsAmount: formatMicros(totalSaving),
      SavingsCurrencyCode: "USD",
      SavingsPercentage: totalCost === 0 ? "0" : String(Math.round((totalSaving * 1000) / totalCost) / 10),
    },
    RightsizingRecommendations: page,
    Configuration: { RecommendationTarget: target, BenefitsConsidered: benefitsConsidered },
    ...(next !== undefined ? { NextPageToken: encodePageToken(input, next) } : {}),
  };
}
