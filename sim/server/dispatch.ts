// Routes one request: /_sim/* to the control routes, a mounted prefix to its PathApi, anything else to
// the AwsApi whose signing name is in the SigV4 credential scope. Unsigned AWS requests are refused as AWS
// refuses them; requests signed with the sandbox's access key must carry a valid signature.
import { handleControl, type ControlState } from "./control-routes";
import type { ApiModules } from "./discover-apis";
import { runWithFaults } from "./run-with-faults";
import { parseAuthorization, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, signatureMatches } from "./sigv4";
import { SimError, type AwsApi, type SimRequest, type SimResponse } from "./types";

export interface Sandbox extends ControlState {
  apis: ApiModules;
}

export interface DispatchResult {
  response: SimResponse;
  label: string; // "costexplorer.GetCostAndUsage", for the verbose log
}

function genericAwsError(error: SimError): SimResponse {
  return {
    status: error.status,
    headers: { "content-type": "application/json", "x-amzn-errortype": error.code },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

/** For an unsigned request: the module that would have served it, so the refusal has its shape. */
function guessAwsApi(sandbox: Sandbox, req: SimRequest): AwsApi | undefined {
  return sandbox.apis.aws.find((api) => {
    try {
      return api.operation(req) !== undefined;
    } catch {
      return false;
    }
  });
}

async function dispatchAws(sandbox: Sandbox, req: SimRequest): Promise<DispatchResult> {
  const auth = parseAuthorization(req);
  if (!auth) {
    const refusal = new SimError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    const api = guessAwsApi(sandbox, req);
    return { response: api ? api.renderError(refusal, req) : genericAwsError(refusal), label: "unsigned" };
  }
  const api = sandbox.apis.aws.find((a) => a.signingName === auth.scope.signingName);
  if (!api) {
    const error = new SimError(
      "UnrecognizedClientException",
      `The sandbox does not serve the service "${auth.scope.signingName}"`,
      400,
    );
    return { response: genericAwsError(error), label: `unknown.${auth.scope.signingName}` };
  }
  if (
    auth.scope.accessKeyId === SANDBOX_ACCESS_KEY_ID &&
    !signatureMatches(req, req.path, auth, SANDBOX_SECRET_ACCESS_KEY)
  ) {
    const error = new SimError(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
      403,
    );
    return { response: api.renderError(error, req), label: `${api.name}.bad-signature` };
  }
  const operation = api.operation(req);
  if (operation === undefined) {
    const error = new SimError("UnknownOperationException", "The operation is not supported by the sandbox.", 400);
    return { response: api.renderError(error, req), label: `${api.name}.unknown` };
  }
  const response = await runWithFaults(
    {
      api: api.name,
      operation,
      handle: () => api.handle(operation, req, sandbox.ctx),
      renderError: (e) => api.renderError(e, req),
    },
    sandbox.stats,
    sandbox.faults,
  );
  return { response, label: `${api.name}.${operation}` };
}

export async function dispatch(sandbox: Sandbox, req: SimRequest): Promise<DispatchResult> {
  if (req.path === "/_sim" || req.path.startsWith("/_sim/"))
    return { response: handleControl(sandbox, req), label: "_sim" };
  const pathApi = sandbox.apis.http.find((api) => req.path === api.prefix || req.path.startsWith(`${api.prefix}/`));
  if (!pathApi) return dispatchAws(sandbox, req);
  const inner: SimRequest = { ...req, path: req.path.slice(pathApi.prefix.length) || "/" };
  const operation = pathApi.operation(inner);
  const response = await runWithFaults(
    {
      api: pathApi.name,
      operation,
      handle: () => pathApi.handle(inner, sandbox.ctx),
      renderError: (e) => pathApi.renderError(e, inner),
    },
    sandbox.stats,
    sandbox.faults,
  );
  return { response, label: `${pathApi.name}.${operation}` };
}
