//! The static answers, built once at start-up: the parameter catalogue, the version, the
//! JSON Schemas of each calculation and the OpenAPI 3.1 description assembled from them.

use bhxh::Params;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Pre-serialised bodies.
pub(crate) struct Catalogue {
    pub(crate) parameters: String,
    pub(crate) by_id: BTreeMap<String, String>,
    pub(crate) version: String,
    pub(crate) openapi: String,
    pub(crate) schemas: BTreeMap<&'static str, String>,
    /// The calculation names (labels of the metrics).
    pub(crate) calculations: Vec<&'static str>,
}

impl Catalogue {
    pub(crate) fn new(params: &Params) -> Result<Self, String> {
        let cat = bhxh::catalogue_of(params);
        let mut by_id = BTreeMap::new();
        for p in cat.as_array().into_iter().flatten() {
            if let Some(id) = p.get("id").and_then(Value::as_str) {
                by_id.insert(id.to_string(), format!("{p}\n"));
            }
        }
        let calculations = bhxh::schema::calculations();
        let mut schemas = BTreeMap::new();
        for c in &calculations {
            let doc = json!({
                "calculation": c,
                "request": bhxh::schema::request(c),
                "response": bhxh::schema::response(c),
                "error": bhxh::schema::error(),
            });
            schemas.insert(*c, format!("{doc}\n"));
        }
        let version = json!({
            "engine_version": bhxh::ENGINE_VERSION,
            "parameters_hash": params.hash,
            "contract_version": 1,
            "calculations": calculations,
        });
        Ok(Catalogue {
            parameters: format!("{cat}\n"),
            by_id,
            version: format!("{version}\n"),
            openapi: format!("{}\n", openapi(&calculations)?),
            schemas,
            calculations,
        })
    }
}

/// `Contribution` for `contribution`, `HealthInsurance` for `health_insurance`.
fn camel(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Moves a schema's `$defs` into `components` and points its references there.
fn hoist(mut schema: Value, name: &str, components: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(Value::Object(defs)) = schema.as_object_mut().and_then(|o| o.remove("$defs")) {
        for (k, mut v) in defs {
            rewrite_refs(&mut v);
            match components.get(&k) {
                Some(old) if *old != v => {
                    return Err(format!("two different schemas are named {k}"));
                }
                _ => {
                    components.insert(k, v);
                }
            }
        }
    }
    if let Some(o) = schema.as_object_mut() {
        o.remove("$schema");
    }
    rewrite_refs(&mut schema);
    components.insert(name.to_string(), schema);
    Ok(())
}

fn rewrite_refs(v: &mut Value) {
    match v {
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "$ref" {
                    if let Some(s) = x.as_str() {
                        *x = Value::String(s.replace("#/$defs/", "#/components/schemas/"));
                    }
                } else {
                    rewrite_refs(x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn error_responses() -> Value {
    let e = json!({"application/json": {"schema": reference("ErrorResponse")}});
    json!({
        "400": {"description": "A contract error: code, messages in English and Vietnamese, and the field.", "content": e},
        "401": {"description": "Missing or unknown API key (when keys are configured).", "content": e},
        "408": {"description": "The body did not arrive within the read timeout.", "content": e},
        "413": {"description": "The body is over the limit (default 1 MiB).", "content": e},
        "503": {"description": "At the concurrency limit; retry after `Retry-After` seconds.", "content": e},
    })
}

/// The OpenAPI 3.1 document.
fn openapi(calculations: &[&'static str]) -> Result<Value, String> {
    let mut components = Map::new();
    let (mut requests, mut responses, mut mapping) = (Vec::new(), Vec::new(), Map::new());
    for c in calculations {
        let (rq, rs) = (
            format!("{}Request", camel(c)),
            format!("{}Response", camel(c)),
        );
        let (Some(q), Some(s)) = (bhxh::schema::request(c), bhxh::schema::response(c)) else {
            return Err(format!("no schema for {c}"));
        };
        hoist(q, &rq, &mut components)?;
        hoist(s, &rs, &mut components)?;
        mapping.insert(
            (*c).to_string(),
            json!(format!("#/components/schemas/{rq}")),
        );
        requests.push(reference(&rq));
        responses.push(reference(&rs));
    }
    hoist(bhxh::schema::error(), "ErrorResponse", &mut components)?;
    let mut paths = contract_paths(requests, responses, mapping);
    other_paths(&mut paths);
    Ok(json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "bhxh — Vietnam voluntary social insurance engine",
            "version": bhxh::ENGINE_VERSION,
            "description": "Exact to the đồng calculations of Vietnam's voluntary social insurance (BHXH tự nguyện) and household health insurance, each with its cited explanation in Vietnamese and English.",
            "license": {"name": "Apache-2.0 OR MIT", "identifier": "Apache-2.0 OR MIT"},
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "An API key as a bearer token (when the service has --api-keys)."},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
        "security": [{}, {"bearer": []}, {"apiKey": []}],
    }))
}

/// The paths of the contract: evaluate and batch.
fn contract_paths(
    requests: Vec<Value>,
    responses: Vec<Value>,
    mapping: Map<String, Value>,
) -> Map<String, Value> {
    let mut paths = Map::new();
    paths.insert("/v1/evaluate".into(), json!({"post": {
        "operationId": "evaluate",
        "summary": "Evaluate one request of the JSON contract",
        "description": "The response is byte for byte what `bhxh eval` prints for the same request. Every success carries its trace (Vietnamese and English), warnings and a receipt with the parameter fingerprint.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
            "oneOf": requests, "discriminator": {"propertyName": "calculation", "mapping": mapping}}}}},
        "responses": merge(json!({"200": {"description": "The calculation's result.", "content": {"application/json": {"schema": {"oneOf": responses}}}}}), error_responses()),
    }}));
    paths.insert("/v1/batch".into(), json!({"post": {
        "operationId": "batch",
        "summary": "Many requests in one streamed exchange",
        "description": "`application/x-ndjson`: one contract request per line in, one response (or error object) per line out, in the same order; blank lines are skipped. `text/csv`: participants (header `payment_month,income` and optionally `id,category,subsidised_before,province`) in, one monthly quote per row out with a status (`?lang=vi` for Vietnamese headers). Streamed both ways: memory stays bounded whatever the size.",
        "parameters": [{"name": "lang", "in": "query", "required": false, "schema": {"enum": ["en", "vi"]}, "description": "CSV output headers (default en)."}],
        "requestBody": {"required": true, "content": {
            "application/x-ndjson": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}}}},
        "responses": merge(json!({"200": {"description": "One output line per input line.", "content": {
            "application/x-ndjson": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}}}}}), error_responses()),
    }}));
    paths
}

/// The descriptive and operational paths.
fn other_paths(paths: &mut Map<String, Value>) {
    for (path, id, summary, content) in [
        (
            "/v1/parameters",
            "parameters",
            "The cited parameter catalogue (with the service's overlay)",
            "application/json",
        ),
        (
            "/v1/parameters/{id}",
            "parameter",
            "One parameter of the catalogue",
            "application/json",
        ),
        (
            "/v1/openapi.json",
            "openapi",
            "This document",
            "application/json",
        ),
        (
            "/v1/schema/{calculation}",
            "schema",
            "The JSON Schemas of one calculation's request, response and error",
            "application/json",
        ),
        (
            "/v1/version",
            "version",
            "Engine version, parameter fingerprint and calculations",
            "application/json",
        ),
        ("/healthz", "health", "Liveness", "application/json"),
        (
            "/readyz",
            "ready",
            "Readiness (503 while draining)",
            "application/json",
        ),
        ("/metrics", "metrics", "Prometheus metrics", "text/plain"),
    ] {
        let mut op = json!({"get": {"operationId": id, "summary": summary,
            "responses": {"200": {"description": "OK", "content": {content: {}}},
                          "404": {"description": "Unknown name", "content": {"application/json": {"schema": reference("ErrorResponse")}}}}}});
        if let Some(p) = path.split('{').nth(1).and_then(|p| p.strip_suffix('}')) {
            op["get"]["parameters"] =
                json!([{"name": p, "in": "path", "required": true, "schema": {"type": "string"}}]);
        }
        paths.insert(path.into(), op);
    }
}

fn merge(mut a: Value, b: Value) -> Value {
    if let (Some(x), Value::Object(y)) = (a.as_object_mut(), b) {
        x.extend(y);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_resolves() {
        let calcs = bhxh::schema::calculations();
        let doc = openapi(&calcs).unwrap();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        fn refs(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Object(o) => {
                    for (k, x) in o {
                        match (k.as_str(), x.as_str()) {
                            ("$ref", Some(s)) => out.push(s.to_string()),
                            _ => refs(x, out),
                        }
                    }
                }
                Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        refs(&doc, &mut all);
        assert!(all.len() > 30);
        for r in all {
            let name = r
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("{r}"));
            assert!(schemas.contains_key(name), "{r}");
        }
        assert_eq!(camel("health_insurance"), "HealthInsurance");
        assert_eq!(doc["openapi"], "3.1.0");
    }
}
