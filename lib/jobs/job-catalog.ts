// The jobs CostLens runs, as the dashboard and the API know them. The job implementations (jobs/) take
// their name, description and default schedule from here, so the app can list jobs and accept "run now"
// requests without importing the jobs themselves.
export interface JobInfo {
  name: string;
  description: string;
  /** default cron schedule, UTC; JOB_SCHEDULES overrides it */
  schedule: string;
}

export const jobCatalog = {
  costExplorer: {
    name: "cost-explorer",
    description: "Daily costs from AWS Cost Explorer: a 13-month backfill, then the trailing window AWS restates",
    // Cost Explorer refreshes its data about three times a day; every request costs $0.01.
    schedule: "20 */6 * * *",
  },
  inventory: {
    name: "inventory",
    description: "EC2, EBS, network, RDS, target group and Auto Scaling inventory; vanished resources marked gone",
    // Describe calls are free; hourly keeps states and memberships fresh for the detectors.
    schedule: "5 * * * *",
  },
  openCost: {
    name: "opencost",
    description: "Per-namespace daily allocation from OpenCost, cluster idle as its own line",
    schedule: "30 * * * *",
  },
  metrics: {
    name: "metrics",
    description:
      "Daily CloudWatch aggregates (CPU, memory, network, DB connections, read IOPS, NAT bytes) of the live inventory",
    schedule: "40 2 * * *",
  },
  prices: {
    name: "prices",
    description:
      "On-demand prices (instances, volumes, DB classes in use; NAT gateways, VPC endpoints) from the AWS Price List API",
    schedule: "0 3 * * 1",
  },
  allocation: {
    name: "allocation",
    description:
      "Who owns each dollar: team tag, cost centre, namespace and account rules; EKS nodes replaced by OpenCost's namespace split; recomputes the months whose facts or policy changed",
    // After the hourly OpenCost ingest (:30) and the Cost Explorer ingest (:20 every six hours).
    schedule: "50 * * * *",
  },
  detection: {
    name: "detection",
    description:
      "Waste detection (zombies, stopped instances, orphan volumes, idle replicas, NAT waste, rightsizing, always-on non-prod) into recommendations",
    schedule: "55 * * * *",
  },
  terraformIndex: {
    name: "terraform-index",
    description:
      "Where each resource lives in the Terraform repository (state and .tf files); recommendations get their resource address",
    // Rebuilt only when the default branch or a state file moved, so frequent runs are cheap.
    schedule: "57 * * * *",
  },
  pullRequests: {
    name: "pull-requests",
    description:
      "Terraform pull request states from GitHub; merged fixes resolve when the inventory shows them and realise when settled costs drop",
    // Every quarter hour (the webhook is the fast path); the hourly :45 run also follows the ingests.
    schedule: "*/15 * * * *",
  },
} satisfies Record<string, JobInfo>;

export const jobNames: string[] = Object.values(jobCatalog).map((job) => job.name);
