// The manifest check must be able to fail: the generated manifests pass, and each breaking change to a copy
// of them is caught, with a message that names it. Run by scripts/check-manifests.sh after `package`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { check, parse } from "./manifests.mjs";

const FILE = process.env.MANIFESTS ?? new URL("../../../target/kubernetes/kubernetes.yml", import.meta.url).pathname;
const generated = parse(readFileSync(FILE, "utf8"));

function broken(change) {
  const docs = structuredClone(generated);
  change(docs.find((d) => d.kind === "Deployment"), docs);
  return docs;
}
const container = (dep) => dep.spec.template.spec.containers[0];

test("the generated manifests pass", async () => {
  assert.deepEqual(await check(generated), []);
  assert.ok(generated.some((d) => d.kind === "Deployment") && generated.some((d) => d.kind === "Service"));
});

const breakages = {
  "a wrong type": [(dep) => { dep.spec.replicas = "two"; }, /replicas must be integer/],
  "a required field missing": [(dep) => { delete container(dep).name; }, /containers\/0 must have required property name/],
  "a misspelt field": [(dep) => { dep.spec.replica = 2; }, /\/spec\/replica is not a field of Deployment/],
  "a misspelt field deep in a container": [(dep) => { container(dep).envFromm = []; }, /containers\/0\/envFromm is not a field/],
  "a quantity that is not one": [(dep) => { container(dep).resources.limits.memory = "lots"; }, /memory must match format "quantity"/],
  "a port that is neither a number nor a name": [(dep) => { container(dep).livenessProbe.httpGet.port = { number: 8080 }; }, /httpGet\/port/],
  "an unknown kind": [(dep, docs) => { docs.push({ apiVersion: "v1", kind: "Servce", metadata: { name: "x" } }); }, /no Kubernetes schema for apiVersion v1 kind Servce/],
  "a probe on the management port": [(dep) => { container(dep).readinessProbe.httpGet.port = 9000; }, /readinessProbe must GET \/q\/health\/ready on the http port/],
  "the master key written into the manifest": [(dep) => {
    const e = container(dep).env.find((v) => v.name === "EVENHAND_MASTER_KEY");
    delete e.valueFrom;
    e.value = "c2VjcmV0";
  }, /EVENHAND_MASTER_KEY must come from a Secret/],
  "a single replica": [(dep) => { dep.spec.replicas = 1; }, /at least 2 replicas/],
  "no memory limit": [(dep) => { delete container(dep).resources.limits.memory; }, /no resources.limits.memory/],
  "metrics on the Service": [(dep, docs) => {
    docs.find((d) => d.kind === "Service").spec.ports.push({ name: "management", port: 9000, targetPort: 9000 });
  }, /exposes the management port/],
  "the version in the selector": [(dep) => { dep.spec.selector.matchLabels["app.kubernetes.io/version"] = "1"; }, /selector names the version/],
};

for (const [what, [change, expected]] of Object.entries(breakages)) {
  test("refuses " + what, async () => {
    const errors = await check(broken(change));
    assert.ok(errors.some((e) => expected.test(e)), "expected " + expected + " among " + JSON.stringify(errors));
  });
}
