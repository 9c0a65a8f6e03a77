// How a price is found again. EC2 instance hours are keyed by instance type, EBS by volume type; NAT and
// endpoint prices have no key (""). RDS prices depend on the engine and the deployment too, so their key
// is "<DB class or storage type>|<engine>|<deployment>", e.g. "db.r5.large|postgres|multi-az" or
// "gp2|mysql|single-az", with the engine spelled as the RDS API spells it (DescribeDBInstances' Engine).
export type RdsDeployment = "single-az" | "multi-az";

/** Price List `databaseEngine` -> RDS `Engine`. Licensed engines (Oracle, SQL Server, Db2) are not priced. */
export const RDS_ENGINES: Record<string, string> = {
  PostgreSQL: "postgres",
  MySQL: "mysql",
  MariaDB: "mariadb",
  "Aurora PostgreSQL": "aurora-postgresql",
  "Aurora MySQL": "aurora-mysql",
};

export const RDS_DEPLOYMENTS: Record<string, RdsDeployment> = { "Single-AZ": "single-az", "Multi-AZ": "multi-az" };

export function rdsPriceKey(sizeType: string, engine: string, multiAz: boolean): string {
  return `${sizeType}|${engine}|${multiAz ? "multi-az" : "single-az"}`;
}
