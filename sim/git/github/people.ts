// Who the sandbox's commits are by when a request names nobody: the token's user, as on GitHub.
import type { Person } from "../objects";
import { SANDBOX_USER } from "./identity";

export function botIdentity(date: string): Person {
  return { name: SANDBOX_USER, email: `${SANDBOX_USER}@users.noreply.sandbox.local`, date };
}

export function githubCommitter(date: string): Person {
  return { name: "GitHub", email: "noreply@github.com", date };
}
