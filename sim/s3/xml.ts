// The few XML pieces S3's REST API answers with.
import { randomBytes } from "node:crypto";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function element(name: string, value: string | number | boolean): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function requestIds(): { "x-amz-request-id": string; "x-amz-id-2": string } {
  return {
    "x-amz-request-id": randomBytes(8).toString("hex").toUpperCase(),
    "x-amz-id-2": randomBytes(24).toString("base64"),
  };
}
