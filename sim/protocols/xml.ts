// A tiny XML writer for the query protocols. A response is a tree of plain objects whose keys are element
// names (in insertion order); lists say which element wraps each item, because EC2 wraps items in <item>,
// RDS in <DBInstance> and the other query services in <member>.
export type XmlValue = string | number | boolean | Date | undefined | XmlTree | XmlList;
export interface XmlTree {
  [element: string]: XmlValue;
}

export class XmlList {
  constructor(
    readonly itemElement: string,
    readonly items: readonly XmlValue[],
  ) {}
}

export function xmlList(itemElement: string, items: readonly XmlValue[]): XmlList {
  return new XmlList(itemElement, items);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function renderValue(value: XmlValue): string {
  if (value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof XmlList) return value.items.map((item) => element(value.itemElement, item)).join("");
  if (typeof value === "object") return renderXmlTree(value);
  return escapeXml(String(value));
}

function element(name: string, value: XmlValue): string {
  return `<${name}>${renderValue(value)}</${name}>`;
}

/** Renders the children of a tree; undefined members are left out, as AWS leaves out absent fields. */
export function renderXmlTree(tree: XmlTree): string {
  let out = "";
  for (const [name, value] of Object.entries(tree)) {
    if (value !== undefined) out += element(name, value);
  }
  return out;
}

export function xmlDocument(rootElement: string, namespace: string, tree: XmlTree): string {
  const declaration = `<?xml version="1.0" encoding="UTF-8"?>\n`;
  return `${declaration}<${rootElement} xmlns="${namespace}">${renderXmlTree(tree)}</${rootElement}>`;
}
