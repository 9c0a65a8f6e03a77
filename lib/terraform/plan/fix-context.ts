// What planFix works against: the index, the repository at the base commit, and the files the plan has
// changed so far (several blocks of one file are edited one after the other on the same text).
import type { FileChange, Refusal, RefusalCode } from "../fix-plan";
import type { TerraformIndex } from "../index/index-entry";
import type { TerraformRepositorySource } from "../repository/repository-source";

export interface FixContext {
  index: TerraformIndex;
  source: TerraformRepositorySource;
  /** the commit to plan against: the one the index was built from */
  baseSha: string;
}

export function refusal(code: RefusalCode, reason: string, cliCommand?: string): Refusal {
  return { kind: "refusal", code, reason, ...(cliCommand ? { cliCommand } : {}) };
}

/** The files of one plan: original text read once at the base commit, current text after the edits so far. */
export class PlanFiles {
  private readonly files = new Map<string, { previous: string | null; content: string }>();

  constructor(private readonly context: FixContext) {}

  async read(path: string): Promise<string> {
    const known = this.files.get(path);
    if (known) return known.content;
    const text = await this.context.source.readFile(this.context.baseSha, path);
    this.files.set(path, { previous: text, content: text });
    return text;
  }

  write(path: string, content: string): void {
    const known = this.files.get(path);
    this.files.set(path, { previous: known ? known.previous : null, content });
  }

  async exists(path: string): Promise<boolean> {
    if (this.files.has(path)) return true;
    return (await this.context.source.listFiles(this.context.baseSha)).includes(path);
  }

  changes(): FileChange[] {
    return [...this.files]
      .filter(([, file]) => file.previous !== file.content)
      .map(([path, file]) => ({ path, previous: file.previous, content: file.content }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }
}
