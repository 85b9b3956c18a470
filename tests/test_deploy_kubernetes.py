"""deploy/kubernetes.yaml, checked offline (no cluster is reachable here): every resource valid against
the Kubernetes schemas (kubernetes-validate, strict: no unknown fields), and the recipe's promises kept
together: probes on the health check that waits for the warm-up, the public URL the Ingress serves,
cookie affinity, and a Service and Ingress that reach the pods."""

from __future__ import annotations

import kubernetes_validate
import pytest
import yaml

from tests.e2e import ROOT

RECIPE = ROOT / "deploy" / "kubernetes.yaml"
DOCS = [doc for doc in yaml.safe_load_all(RECIPE.read_text(encoding="utf-8")) if doc]
K8S_VERSION = "1.33.0"


def _one(kind: str, name: str = "tech-money") -> dict:
    return next(doc for doc in DOCS if doc["kind"] == kind and doc["metadata"]["name"] == name)


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: f"{doc['kind']}-{doc['metadata']['name']}")
def test_every_resource_is_valid(doc):
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_an_invalid_resource_would_be_caught():
    broken = yaml.safe_load(yaml.safe_dump(_one("Deployment")))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["pathh"] = "/"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_the_pods_are_ready_only_when_warm_and_served_under_the_public_url_with_affinity():
    pod = _one("Deployment")["spec"]["template"]
    container = pod["spec"]["containers"][0]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}
    assert {port["name"]: port["containerPort"] for port in container["ports"]} == {"http": 8501}
    env = {item["name"]: item["value"] for item in container["env"]}
    ingress = _one("Ingress")
    host = ingress["spec"]["rules"][0]["host"]
    assert env["TECH_MONEY_PUBLIC_URL"] == f"https://{host}/" and host in ingress["spec"]["tls"][0]["hosts"]
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    service = _one("Service")
    assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    for name in ("tech-money", "tech-money-metrics"):
        backend = _one("Ingress", name)["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
        assert backend == {"name": service["metadata"]["name"], "port": {"name": service["spec"]["ports"][0]["name"]}}
    metrics = _one("Ingress", "tech-money-metrics")
    path = metrics["spec"]["rules"][0]["http"]["paths"][0]
    assert (path["path"], path["pathType"]) == ("/_stcore/metrics", "Exact")
    assert "whitelist-source-range" in " ".join(metrics["metadata"]["annotations"])
