// The page a pull request's html_url opens: title, state, body and diff, so the demo's link leads somewhere.
import { escapeXml as escapeHtml } from "../../s3/xml";
import type { SimResponse } from "../../server/types";
import { diffText } from "../merge";
import { loadPullStore } from "../pull-store";
import { resolveRef } from "../refs";
import type { GitHubCall } from "./call";
import { notFound } from "./errors";
import { REPO_NAME, REPO_OWNER } from "./identity";

export async function pullPage(call: GitHubCall): Promise<SimResponse> {
  const pull = loadPullStore(call.dir).pulls.find((p) => p.number === Number(call.params.number));
  if (!pull) throw notFound();
  const head = (await resolveRef(call.dir, `refs/heads/${pull.head}`)) ?? pull.headSha;
  const diff = await diffText(call.dir, `${pull.baseSha}...${head}`);
  const state = pull.mergedAt ? "merged" : pull.state;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(pull.title)} · Pull Request #${pull.number}</title>
<style>body{font:14px system-ui;margin:2rem;max-width:70rem}pre{background:#f6f8fa;padding:1rem;overflow:auto}
.add{color:#116329}.del{color:#82071e}.state{padding:.2rem .6rem;border-radius:1rem;background:#ddf4ff}</style></head>
<body><p>${REPO_OWNER}/${REPO_NAME}</p>
<h1>${escapeHtml(pull.title)} <small>#${pull.number}</small></h1>
<p><span class="state">${state}</span> ${escapeHtml(pull.head)} → ${escapeHtml(pull.base)} · labels: ${pull.labels.map(escapeHtml).join(", ") || "none"}</p>
<pre>${escapeHtml(pull.body ?? "")}</pre>
<h2>Diff</h2>
<pre>${diff
    .split("\n")
    .map((line) => {
      const cls = line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "";
      return cls ? `<span class="${cls}">${escapeHtml(line)}</span>` : escapeHtml(line);
    })
    .join("\n")}</pre>
</body></html>`;
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}
