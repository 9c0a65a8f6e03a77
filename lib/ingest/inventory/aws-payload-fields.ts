// Field schemas the inventory payloads share.
import { z } from "zod";

export const accountId = z.string().regex(/^\d{12}$/, "expected a 12-digit account id");
export const arn = z.string().regex(/^arn:[\w-]+:[\w-]+:[\w-]*:\d{12}:.+/, "expected an ARN with an account id");
export const awsTag = z.object({ Key: z.string(), Value: z.string().optional() });
export const awsTags = z.array(awsTag).optional();
export const nextToken = z.string().optional();
/** The SDK turns timestamps into Dates; one it could not read is an Invalid Date, which this refuses. */
export const awsTime = z.date();
