// The exact decimal type of every amount of money on the server (Prisma's decimal.js build, the same class
// Prisma returns for numeric columns).
import { Prisma } from "./generated/client";

export const Decimal = Prisma.Decimal;
export type Decimal = Prisma.Decimal;
