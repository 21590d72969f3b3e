// Checks rendered Kubernetes manifests (the output of `kubectl kustomize`) against the Kubernetes
// API's JSON schemas and the Prometheus Operator's CRD schemas, as kubeconform would, without a
// cluster: types, enumerations, required fields and formats of every object.
//
//   node validate-k8s.mjs rendered.yaml [more.yaml ...]
//
// Exits 1 naming each object that does not validate, or whose kind has no schema here.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ServiceMonitor, PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const models = new Map(
  [ConfigMap, Secret, Service, Deployment, StatefulSet, Job, PodDisruptionBudget, ServiceMonitor, PrometheusRule].map(
    (model) => [`${model.apiVersion}/${model.kind}`, model],
  ),
);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate-k8s.mjs rendered.yaml [more.yaml ...]");
  process.exit(2);
}

let checked = 0;
const failures = [];
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      failures.push(`${file}: not YAML: ${doc.errors[0].message}`);
      continue;
    }
    const object = doc.toJS();
    if (object === null) {
      continue;
    }
    const name = `${file}: ${object.kind ?? "(no kind)"} ${object.metadata?.name ?? "(no name)"}`;
    const model = models.get(`${object.apiVersion}/${object.kind}`);
    if (model === undefined) {
      failures.push(`${name}: no schema for ${object.apiVersion} ${object.kind} in this check`);
      continue;
    }
    try {
      new model(object).validate();
      checked++;
    } catch (e) {
      failures.push(`${name}: ${e.message}`);
    }
  }
}

for (const failure of failures) {
  console.error(failure);
}
console.log(`${checked} objects valid, ${failures.length} refused`);
process.exit(failures.length === 0 ? 0 : 1);
