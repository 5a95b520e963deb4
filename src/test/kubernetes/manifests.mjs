// Checks Kubernetes manifests (decision 0042): every resource against the Kubernetes API schema of its kind
// (kubernetes-models: validators generated from Kubernetes' OpenAPI document), strictly (a field the schema
// does not know is an error, as `kubeconform -strict` has it), and against Evenhand's own rules, which a
// schema cannot see: probes where health is served, secrets from Secrets, resources, replicas.
//
//   node manifests.mjs target/kubernetes/kubernetes.yml     (exit 1 and the problems when any)
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseAllDocuments } from "yaml";

/** Settings that are secrets: in the manifests only as references to a Secret, never as values. */
export const SECRET_ENV = ["EVENHAND_DB_PASSWORD", "EVENHAND_MASTER_KEY", "EVENHAND_OIDC_SECRET"];
/** Health is on the main port (decision 0032): probes must go there, to these paths. */
const PROBES = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };
const MANAGEMENT_PORT = 9000;
/** Not JSON: set in place of a field, it fails every type the schema may give that field. */
const NOT_JSON = () => 0;

export function parse(text) {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) {
      throw new Error("not YAML: " + d.errors[0].message);
    }
    return d.toJS();
  }).filter((d) => d !== null && d !== undefined);
}

/** The model class of a resource's kind (its apiVersion names the module), or undefined. */
async function modelOf(doc) {
  if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string" || !/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(doc.apiVersion)) {
    return undefined;
  }
  try {
    return (await import("kubernetes-models/" + doc.apiVersion))[doc.kind];
  } catch {
    return undefined;
  }
}

function schemaErrors(Model, doc) {
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return String(e.message).split(/,\s(?=data\/)/).map((m) => m.replace(/^data/, "").trim());
  }
}

/** Fields the schema does not know: a field is known when putting a non-JSON value there breaks validation. */
function unknownFields(Model, root) {
  const found = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (node === null || typeof node !== "object") {
      return;
    }
    for (const key of Object.keys(node)) {
      if (path.length === 0 && (key === "apiVersion" || key === "kind")) {
        continue;
      }
      const probe = structuredClone(root);
      let at = probe;
      for (const step of path) {
        at = at[step];
      }
      at[key] = NOT_JSON;
      if (schemaErrors(Model, probe).length === 0) {
        found.push("/" + [...path, key].join("/") + " is not a field of " + root.kind);
      } else {
        walk(node[key], [...path, key]);
      }
    }
  };
  walk(root, []);
  return found;
}

function containersOf(doc) {
  return doc.spec?.template?.spec?.containers ?? [];
}

/** Evenhand's rules for its own resources. */
function ruleErrors(docs) {
  const errors = [];
  const deployments = docs.filter((d) => d.kind === "Deployment" && d.metadata?.name === "evenhand");
  if (deployments.length !== 1) {
    return ["exactly one Deployment named evenhand expected, found " + deployments.length];
  }
  const dep = deployments[0];
  if (!(Number.isInteger(dep.spec?.replicas) && dep.spec.replicas >= 2)) {
    errors.push("Deployment evenhand: at least 2 replicas, found " + dep.spec?.replicas);
  }
  if (dep.spec?.selector?.matchLabels?.["app.kubernetes.io/version"] !== undefined) {
    errors.push("Deployment evenhand: the selector names the version, so the next release cannot be applied");
  }
  if (dep.spec?.template?.spec?.securityContext?.runAsNonRoot !== true) {
    errors.push("Deployment evenhand: pods must run as non-root");
  }
  for (const c of containersOf(dep)) {
    const where = "container " + c.name;
    const http = (c.ports ?? []).find((p) => p.name === "http");
    if (!http) {
      errors.push(where + ": no port named http");
    }
    if (!(c.ports ?? []).some((p) => p.containerPort === MANAGEMENT_PORT)) {
      errors.push(where + ": the management port " + MANAGEMENT_PORT + " (metrics) is not declared");
    }
    for (const [probe, path] of Object.entries(PROBES)) {
      const get = c[probe]?.httpGet;
      if (!get) {
        errors.push(where + ": no " + probe);
      } else if (get.path !== path || !(get.port === "http" || (http && get.port === http.containerPort))) {
        errors.push(where + ": " + probe + " must GET " + path + " on the http port (health is not on the management"
          + " port), not " + get.path + " on " + get.port);
      }
    }
    for (const kind of ["requests", "limits"]) {
      for (const r of ["cpu", "memory"]) {
        if (c.resources?.[kind]?.[r] === undefined) {
          errors.push(where + ": no resources." + kind + "." + r);
        }
      }
    }
    const env = c.env ?? [];
    for (const name of SECRET_ENV) {
      const e = env.find((v) => v.name === name);
      if (!e?.valueFrom?.secretKeyRef?.name || !e.valueFrom.secretKeyRef.key) {
        errors.push(where + ": " + name + " must come from a Secret (secretKeyRef)");
      }
    }
    for (const e of env) {
      if (e.value !== undefined && /PASSWORD|SECRET|MASTER_KEY|TOKEN/.test(e.name)) {
        errors.push(where + ": " + e.name + " is written into the manifest; it belongs in a Secret");
      }
    }
  }
  for (const svc of docs.filter((d) => d.kind === "Service")) {
    for (const p of svc.spec?.ports ?? []) {
      if (p.port === MANAGEMENT_PORT || p.targetPort === MANAGEMENT_PORT || p.targetPort === "management") {
        errors.push("Service " + svc.metadata?.name + ": exposes the management port (metrics are never on a Service)");
      }
    }
  }
  return errors;
}

/** Every problem with these resources: schema, unknown fields, Evenhand's rules. Empty when they are sound. */
export async function check(docs) {
  const errors = [];
  for (const doc of docs) {
    const name = (doc.kind ?? "?") + " " + (doc.metadata?.name ?? "?");
    const Model = await modelOf(doc);
    if (!Model) {
      errors.push(name + ": no Kubernetes schema for apiVersion " + doc.apiVersion + " kind " + doc.kind);
      continue;
    }
    const schema = schemaErrors(Model, doc);
    errors.push(...schema.map((e) => name + ": " + e));
    if (schema.length === 0) {
      errors.push(...unknownFields(Model, doc).map((e) => name + ": " + e));
    }
  }
  errors.push(...ruleErrors(docs));
  return errors;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node manifests.mjs FILE.yml");
    process.exit(2);
  }
  const docs = parse(readFileSync(file, "utf8"));
  const errors = await check(docs);
  if (errors.length > 0) {
    console.error("check-manifests: " + file + " has " + errors.length + " problem(s):");
    errors.forEach((e) => console.error("  - " + e));
    process.exit(1);
  }
  console.log("check-manifests: " + docs.length + " resources in " + file + " pass the Kubernetes schemas (strict)"
    + " and Evenhand's rules: " + docs.map((d) => d.kind).join(", "));
}
