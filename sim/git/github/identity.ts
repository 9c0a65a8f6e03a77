// The one repository and the one user the sandbox's GitHub knows.

export const REPO_OWNER = "acme-shop";
export const REPO_NAME = "infrastructure";
/** The token the sandbox accepts; startSandbox hands the same value out as GITHUB_TOKEN. */
export const SANDBOX_GITHUB_TOKEN = "sandbox-github-token";
export const SANDBOX_USER = "costlens-bot";

export function ownerShape(login: string, api: string) {
  const isOrg = login === REPO_OWNER;
  return {
    login,
    id: isOrg ? 5001 : 1001,
    node_id: isOrg ? "O_kgDOAAATiQ" : "U_kgDOAAAD6Q",
    avatar_url: "",
    url: `${api}/users/${login}`,
    html_url: `${api}/${login}`,
    type: isOrg ? "Organization" : "User",
    site_admin: false,
  };
}

export function repoShape(api: string) {
  const full = `${REPO_OWNER}/${REPO_NAME}`;
  return {
    id: 7001,
    node_id: "R_kgDOAAAbWQ",
    name: REPO_NAME,
    full_name: full,
    private: true,
    owner: ownerShape(REPO_OWNER, api),
    html_url: `${api}/${full}`,
    description: "Terraform for every AWS account of the shop",
    fork: false,
    url: `${api}/repos/${full}`,
    git_url: `${api}/repos/${full}.git`,
    clone_url: `${api}/repos/${full}.git`,
    default_branch: "main",
    visibility: "private",
    archived: false,
    disabled: false,
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: true,
    delete_branch_on_merge: false,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  };
}
