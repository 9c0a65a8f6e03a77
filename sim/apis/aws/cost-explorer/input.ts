// Reading Cost Explorer request fields: anything malformed is a ValidationException, as AWS answers.
import { isDay } from "../../../org/days";
import type { Day } from "../../../org/model";
import { SimError } from "../../../server/types";

export type Json = Record<string, unknown>;

export function invalid(message: string): SimError {
  return new SimError("ValidationException", message);
}

export function optionalObject(input: Json, field: string): Json | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(`${field} must be an object`);
  return value as Json;
}

export function requiredObject(input: Json, field: string): Json {
  const value = optionalObject(input, field);
  if (!value)
    throw invalid(
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  return value;
}

export function optionalString(input: Json, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(`${field} must be a string`);
  return value;
}

export function requiredString(input: Json, field: string): string {
  const value = optionalString(input, field);
  if (value === undefined || value === "") {
    throw invalid(
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

export function optionalArray(input: Json, field: string): unknown[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(`${field} must be a list`);
  return value;
}

export function optionalInteger(input: Json, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${field} must be an integer between ${min} and ${max}`);
  }
  return value;
}

export interface TimePeriod {
  start: Day;
  end: Day; // exclusive
}

/** TimePeriod { Start, End } with End exclusive; DAILY and MONTHLY take plain dates. */
export function timePeriod(input: Json): TimePeriod {
  const period = requiredObject(input, "TimePeriod");
  const start = requiredString(period, "Start");
  const end = requiredString(period, "End");
  if (!isDay(start)) throw invalid(`Start date ${start} is not in the format yyyy-MM-dd`);
  if (!isDay(end)) throw invalid(`End date ${end} is not in the format yyyy-MM-dd`);
  if (start >= end) throw invalid("Start date (and hour) should be before end date (and hour)");
  return { start, end };
}
