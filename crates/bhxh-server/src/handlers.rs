//! Routes, the guard every request passes (request id, API key, load shedding, log line,
//! metrics) and the handlers.

use crate::batch::{Csv, Ndjson, Splitter};
use crate::metrics::Sample;
use crate::Shared;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::json;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::{mpsc, OwnedSemaphorePermit};
use tower_http::compression::predicate::{
    DefaultPredicate, NotForContentType, Predicate, SizeAbove,
};

/// What a handler tells the guard about its answer (for the log and the metrics).
#[derive(Clone, Copy)]
struct Outcome {
    calculation: &'static str,
    code: Option<&'static str>,
}

/// The request's slot in the concurrency limit; a streamed batch keeps it until its last
/// line.
#[derive(Clone)]
struct Permit(#[allow(dead_code)] Arc<OwnedSemaphorePermit>);

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let mut app = Router::new()
        .route("/v1/evaluate", post(evaluate))
        .route("/v1/batch", post(batch))
        .route("/v1/parameters", get(parameters))
        .route("/v1/parameters/{id}", get(parameter))
        .route("/v1/openapi.json", get(openapi))
        .route("/v1/schema/{calculation}", get(schema))
        .route("/v1/version", get(version))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(shared.clone())
        .layer(axum::middleware::from_fn_with_state(shared.clone(), guard))
        // Bodies over 8 KiB (parameters, long pensions, estimates), at the fastest level:
        // compressing a 4 KB contribution answer cost more CPU than the whole calculation
        // (brotli dominated the service's profile under load) for bytes a LAN does not miss.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Fastest)
                .compress_when(
                    DefaultPredicate::new()
                        .and(SizeAbove::new(8 << 10))
                        // Streamed batches are sent as they are answered, never held back
                        // by an encoder's buffer.
                        .and(NotForContentType::const_new("application/x-ndjson"))
                        .and(NotForContentType::const_new("text/csv")),
                ),
        );
    if !shared.config.cors_origins.is_empty() {
        let origins: Vec<HeaderValue> = shared
            .config
            .cors_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        app = app.layer(
            tower_http::cors::CorsLayer::new()
                .allow_origin(origins)
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([
                    header::CONTENT_TYPE,
                    header::AUTHORIZATION,
                    header::HeaderName::from_static("x-api-key"),
                    header::HeaderName::from_static("x-request-id"),
                ])
                .expose_headers([header::HeaderName::from_static("x-request-id")]),
        );
    }
    app
}

/// The routes as metric and log labels (never the raw path).
fn route_of(path: &str) -> &'static str {
    const ROUTES: [&str; 8] = [
        "/v1/evaluate",
        "/v1/batch",
        "/v1/parameters",
        "/v1/openapi.json",
        "/v1/version",
        "/healthz",
        "/readyz",
        "/metrics",
    ];
    if let Some(r) = ROUTES.iter().find(|r| **r == path) {
        return r;
    }
    if path.starts_with("/v1/parameters/") {
        "/v1/parameters/{id}"
    } else if path.starts_with("/v1/schema/") {
        "/v1/schema/{calculation}"
    } else {
        "other"
    }
}

/// Routes open without a key and never shed: probes and metrics.
fn is_probe(route: &str) -> bool {
    matches!(route, "/healthz" | "/readyz" | "/metrics")
}

/// The caller's request id when it is short and plain, else a new one.
fn request_id(s: &Shared, headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map_or_else(
            || format!("{:016x}", s.next_id.fetch_add(1, Ordering::Relaxed)),
            str::to_string,
        )
}

/// Equal without revealing where two keys differ (or by how much their lengths do).
fn same_key(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().max(b.len());
    let mut diff = u8::from(a.len() != b.len());
    for i in 0..n {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= std::hint::black_box(x ^ y);
    }
    diff == 0
}

fn authorised(s: &Shared, headers: &HeaderMap) -> bool {
    if s.keys.is_empty() {
        return true;
    }
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.get(..7)
                .filter(|p| p.eq_ignore_ascii_case("bearer "))
                .and_then(|_| v.get(7..))
        })
        .or_else(|| headers.get("x-api-key").and_then(|v| v.to_str().ok()))
        .unwrap_or("");
    // Every key is compared, whichever matches.
    s.keys
        .iter()
        .fold(false, |ok, k| same_key(k, given.as_bytes()) | ok)
}

/// Every request: id, key, concurrency, then the handler; one log line and the metrics.
async fn guard(State(s): State<Arc<Shared>>, mut req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = route_of(req.uri().path());
    let id = request_id(&s, req.headers());
    // Methods beyond the standard ones are logged as "other" (the log takes no client text).
    let method = match *req.method() {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        _ => "other",
    };
    let mut resp = if !is_probe(route) && !authorised(&s, req.headers()) {
        let mut r = error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a valid API key is required (Authorization: Bearer KEY, or X-API-Key)",
            "cần khóa API hợp lệ (Authorization: Bearer KEY hoặc X-API-Key)",
        );
        r.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        r
    } else if is_probe(route) {
        next.run(req).await
    } else {
        match s.permits.clone().try_acquire_owned() {
            Ok(p) => {
                // Held here until the response head is ready; a streamed batch keeps its
                // own clone until its last line.
                let p = Arc::new(p);
                req.extensions_mut().insert(Permit(p.clone()));
                let r = next.run(req).await;
                drop(p);
                r
            }
            Err(_) => {
                s.metrics.shed.fetch_add(1, Ordering::Relaxed);
                overloaded()
            }
        }
    };
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    let micros = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX);
    let outcome = resp.extensions().get::<Outcome>().copied();
    let status = resp.status().as_u16();
    let calculation = outcome.map_or("-", |o| o.calculation);
    let code = outcome.and_then(|o| o.code);
    s.metrics.record(&Sample {
        route,
        calculation,
        status,
        code,
        micros,
    });
    if s.config.log_requests {
        // Every value is from a fixed list or checked plain text (the id), so the line is
        // written without a JSON encoder.
        let code = code.map_or_else(|| "null".to_string(), |c| format!("\"{c}\""));
        crate::log::request_line(format!(
            "{{\"ts_ms\":{},\"level\":\"info\",\"msg\":\"request\",\"request_id\":\"{id}\",\"method\":\"{method}\",\"route\":\"{route}\",\"status\":{status},\"calculation\":\"{calculation}\",\"code\":{code},\"duration_us\":{micros}}}\n",
            crate::log::now_ms()
        ));
    }
    resp
}

/// 503 with `Retry-After`: at the concurrency limit.
fn overloaded() -> Response {
    let mut r = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "overloaded",
        "the service is at its concurrency limit; retry shortly",
        "dịch vụ đang quá tải; vui lòng thử lại sau giây lát",
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    r
}

/// An error object of the contract's shape with an HTTP status.
fn error(status: StatusCode, code: &'static str, en: &str, vi: &str) -> Response {
    let body = json!({"error": {"code": code, "message": en, "message_vi": vi}});
    let mut r = (status, json_body(format!("{body}\n"))).into_response();
    r.extensions_mut().insert(Outcome {
        calculation: "-",
        code: Some(code),
    });
    r
}

fn json_body(text: String) -> ([(header::HeaderName, &'static str); 1], String) {
    ([(header::CONTENT_TYPE, "application/json")], text)
}

/// The status of an engine error.
fn status_of(e: &bhxh::Error) -> StatusCode {
    match e.code() {
        "request_too_large" => StatusCode::PAYLOAD_TOO_LARGE,
        "internal" | "invalid_parameters_embedded" => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}

/// The calculation a request names, as one of the engine's names (for labels only).
fn calculation_label(s: &Shared, text: &[u8]) -> &'static str {
    const KEY: &[u8] = b"\"calculation\"";
    let head = text.get(..text.len().min(4096)).unwrap_or_default();
    let name = head
        .windows(KEY.len())
        .position(|w| w == KEY)
        .and_then(|i| {
            let rest = head.get(i + KEY.len()..)?.trim_ascii_start();
            let rest = rest.strip_prefix(b":")?.trim_ascii_start();
            let rest = rest.strip_prefix(b"\"")?;
            rest.get(..rest.iter().position(|b| *b == b'"')?)
        });
    name.and_then(|n| {
        s.catalogue
            .calculations
            .iter()
            .find(|c| c.as_bytes() == n)
            .copied()
    })
    .unwrap_or("unknown")
}

/// Reads a whole body of at most `limit` bytes within the read timeout.
async fn read_body(s: &Shared, headers: &HeaderMap, body: Body) -> Result<Bytes, Response> {
    let limit = s.config.max_request_bytes;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let too_large = |bytes: u64| {
        let e = bhxh::Error::RequestTooLarge {
            bytes,
            limit: limit as u64,
        };
        engine_error(&e, "-")
    };
    if let Some(n) = declared.filter(|n| *n > limit as u64) {
        return Err(too_large(n));
    }
    let read = async {
        let mut buf = Vec::new();
        let mut body = body;
        while let Some(frame) = body.frame().await {
            let Ok(frame) = frame else {
                return Err(None);
            };
            if let Ok(data) = frame.into_data() {
                if buf.len() + data.len() > limit {
                    return Err(Some((buf.len() + data.len()) as u64));
                }
                buf.extend_from_slice(&data);
            }
        }
        Ok(Bytes::from(buf))
    };
    match tokio::time::timeout(s.config.read_timeout, read).await {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(Some(n))) => Err(too_large(n)),
        Ok(Err(None)) => Err(error(
            StatusCode::BAD_REQUEST,
            "body_read_failed",
            "the request body could not be read",
            "không đọc được nội dung yêu cầu",
        )),
        Err(_) => Err(timeout_error()),
    }
}

fn timeout_error() -> Response {
    error(
        StatusCode::REQUEST_TIMEOUT,
        "request_timeout",
        "the request body did not arrive in time",
        "nội dung yêu cầu không đến kịp thời hạn",
    )
}

fn engine_error(e: &bhxh::Error, calculation: &'static str) -> Response {
    let mut r = (status_of(e), json_body(format!("{}\n", e.to_json()))).into_response();
    r.extensions_mut().insert(Outcome {
        calculation,
        code: Some(e.code()),
    });
    r
}

async fn evaluate(State(s): State<Arc<Shared>>, headers: HeaderMap, body: Body) -> Response {
    let bytes = match read_body(&s, &headers, body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let (params, limit) = (s.params, s.config.max_request_bytes);
    // Small requests (microseconds) are answered on the worker thread; a long history is
    // answered on the blocking pool, so that it never holds up the connections' I/O.
    let answer = if bytes.len() <= 16 << 10 {
        bhxh::evaluate_bytes_on(params, &bytes, limit)
    } else {
        let b = bytes.clone();
        tokio::task::spawn_blocking(move || bhxh::evaluate_bytes_on(params, &b, limit))
            .await
            .unwrap_or(Err(bhxh::Error::Internal {}))
    };
    match answer {
        Ok(mut out) => {
            let calculation = calculation_label(&s, out.as_bytes());
            out.push('\n');
            let mut r = (StatusCode::OK, json_body(out)).into_response();
            r.extensions_mut().insert(Outcome {
                calculation,
                code: None,
            });
            r
        }
        Err(e) => engine_error(&e, calculation_label(&s, &bytes)),
    }
}

/// What a batch does with each block of lines.
enum Job {
    Ndjson(Arc<Ndjson>),
    Csv(Box<Csv>),
}

impl Job {
    /// Answers a block; returns the output and (lines, lines not ok).
    fn run(&mut self, block: &[u8]) -> (Vec<u8>, u64, u64) {
        match self {
            Job::Ndjson(n) => n.block(block),
            Job::Csv(c) => {
                let (out, counts) = c.block(block);
                (out.into_bytes(), counts.rows, counts.rows - counts.ok)
            }
        }
    }
}

/// `lang=vi` or `lang=en` from the query (default en).
fn csv_lang(query: Option<&str>) -> Result<bhxh::csv::Lang, Box<Response>> {
    let mut lang = bhxh::csv::Lang::En;
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        lang = match pair {
            "lang=vi" => bhxh::csv::Lang::Vi,
            "lang=en" => bhxh::csv::Lang::En,
            _ => {
                return Err(Box::new(error(
                    StatusCode::BAD_REQUEST,
                    "unknown_field",
                    "the only query parameter is lang=vi or lang=en",
                    "tham số truy vấn duy nhất là lang=vi hoặc lang=en",
                )))
            }
        };
    }
    Ok(lang)
}

async fn batch(State(s): State<Arc<Shared>>, req: Request) -> Response {
    let csv = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/csv"));
    let lang = match csv_lang(req.uri().query()) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    let permit = req.extensions().get::<Permit>().cloned();
    // Batches stream for long and hold buffers: they have slots of their own.
    let Ok(batch_permit) = s.batch_permits.clone().try_acquire_owned() else {
        s.metrics.shed.fetch_add(1, Ordering::Relaxed);
        return overloaded();
    };
    let mut body = req.into_body();
    let mut splitter = Splitter::new(s.config.max_request_bytes);
    let (job, first, head) = if csv {
        match csv_header(&s, &mut body, &mut splitter, lang).await {
            Ok((c, rest)) => {
                let head = c.header();
                (Job::Csv(Box::new(c)), rest, head)
            }
            Err(r) => return r,
        }
    } else {
        let nd = Ndjson::new(s.params, s.config.max_request_bytes);
        (Job::Ndjson(Arc::new(nd)), Vec::new(), String::new())
    };
    let (tx, rx) = mpsc::channel::<Bytes>(4);
    if !head.is_empty() {
        let _ = tx.try_send(Bytes::from(head));
    }
    tokio::spawn(pump(
        s.clone(),
        body,
        splitter,
        job,
        first,
        tx,
        (permit, batch_permit),
    ));
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv()
            .await
            .map(|b| (Ok::<_, std::convert::Infallible>(b), rx))
    });
    let content_type = if csv {
        "text/csv; charset=utf-8"
    } else {
        "application/x-ndjson"
    };
    let mut r = (
        [(header::CONTENT_TYPE, content_type)],
        Body::from_stream(stream),
    )
        .into_response();
    r.extensions_mut().insert(Outcome {
        calculation: "batch",
        code: None,
    });
    r
}

/// Reads up to the end of the CSV header line; returns the quoter and the lines after it.
async fn csv_header(
    s: &Shared,
    body: &mut Body,
    splitter: &mut Splitter,
    lang: bhxh::csv::Lang,
) -> Result<(Csv, Vec<u8>), Response> {
    let mut block = Vec::new();
    loop {
        if let Some(i) = block.iter().position(|b| *b == b'\n') {
            let (head, rest): (&[u8], &[u8]) = block.split_at(i);
            let head = String::from_utf8_lossy(head).into_owned();
            let rest = rest.get(1..).unwrap_or_default().to_vec();
            let c = Csv::new(s.params, &head, lang).map_err(|e| engine_error(&e, "batch"))?;
            return Ok((c, rest));
        }
        match next_data(s, body).await {
            Ok(Some(d)) => block.extend(splitter.push(&d)),
            Ok(None) => {
                let last = splitter.finish();
                if last.is_empty() {
                    let e = bhxh::Error::MissingField {
                        field: "payment_month".into(),
                    };
                    return Err(engine_error(&e, "batch"));
                }
                block.extend(last);
            }
            Err(r) => return Err(r),
        }
    }
}

/// The next data chunk of a body within the read timeout; `None` at the end.
async fn next_data(s: &Shared, body: &mut Body) -> Result<Option<Bytes>, Response> {
    loop {
        match tokio::time::timeout(s.config.read_timeout, body.frame()).await {
            Err(_) => return Err(timeout_error()),
            Ok(None) => return Ok(None),
            Ok(Some(Err(_))) => {
                return Err(error(
                    StatusCode::BAD_REQUEST,
                    "body_read_failed",
                    "the request body could not be read",
                    "không đọc được nội dung yêu cầu",
                ))
            }
            Ok(Some(Ok(frame))) => {
                if let Ok(d) = frame.into_data() {
                    return Ok(Some(d));
                }
            }
        }
    }
}

/// Reads the batch body block by block, answers each on the blocking pool, and sends the
/// output in order; a full channel (a slow reader) pauses the reading.
async fn pump(
    s: Arc<Shared>,
    mut body: Body,
    mut splitter: Splitter,
    mut job: Job,
    first: Vec<u8>,
    tx: mpsc::Sender<Bytes>,
    permits: (Option<Permit>, OwnedSemaphorePermit),
) {
    let mut pending = first;
    let mut done = false;
    'blocks: loop {
        // At most BLOCK bytes of input per step: a step's output waits in a channel of four,
        // so a reader that stops reading holds a bounded amount of memory.
        while !pending.is_empty() {
            let block = take_block(&mut pending, BLOCK);
            let Ok((j, (out, lines, bad))) = tokio::task::spawn_blocking(move || {
                let r = job.run(&block);
                (job, r)
            })
            .await
            else {
                break 'blocks;
            };
            job = j;
            s.metrics.batch_lines.fetch_add(lines, Ordering::Relaxed);
            s.metrics.batch_errors.fetch_add(bad, Ordering::Relaxed);
            // A client that stops reading for the read timeout loses the rest of the batch
            // (and its slot): it cannot hold the service's memory or a permit forever.
            match tokio::time::timeout(s.config.read_timeout, tx.send(Bytes::from(out))).await {
                Ok(Ok(())) => {}
                _ => break 'blocks,
            }
        }
        if done {
            break;
        }
        match next_data(&s, &mut body).await {
            Ok(Some(d)) => pending = splitter.push(&d),
            Ok(None) => {
                pending = splitter.finish();
                done = true;
            }
            Err(_) => {
                let line = match job {
                    Job::Ndjson(_) => "{\"error\":{\"code\":\"request_timeout\",\"message\":\"the rest of the batch did not arrive in time\",\"message_vi\":\"phần còn lại của lô không đến kịp thời hạn\"}}\n",
                    Job::Csv(_) => ",,,request_timeout,,,,\n",
                };
                let _ = tokio::time::timeout(
                    s.config.read_timeout,
                    tx.send(Bytes::from_static(line.as_bytes())),
                )
                .await;
                break;
            }
        }
    }
    drop(permits);
}

/// Input bytes answered per step of a batch.
const BLOCK: usize = 64 << 10;

/// The first whole lines of `pending`, about `max` bytes (a longer line whole).
fn take_block(pending: &mut Vec<u8>, max: usize) -> Vec<u8> {
    if pending.len() <= max {
        return std::mem::take(pending);
    }
    let cut = pending
        .get(max.saturating_sub(1)..)
        .and_then(|t| t.iter().position(|b| *b == b'\n'))
        .map_or(pending.len(), |i| max + i);
    let rest = pending.split_off(cut.min(pending.len()));
    std::mem::replace(pending, rest)
}

fn static_json(text: &str) -> Response {
    (StatusCode::OK, json_body(text.to_string())).into_response()
}

async fn parameters(State(s): State<Arc<Shared>>) -> Response {
    static_json(&s.catalogue.parameters)
}

async fn parameter(State(s): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    match s.catalogue.by_id.get(&id) {
        Some(t) => static_json(t),
        None => error(
            StatusCode::NOT_FOUND,
            "unknown_parameter",
            "no parameter has this id (GET /v1/parameters lists them)",
            "không có tham số với mã này (GET /v1/parameters liệt kê các tham số)",
        ),
    }
}

async fn openapi(State(s): State<Arc<Shared>>) -> Response {
    static_json(&s.catalogue.openapi)
}

async fn schema(State(s): State<Arc<Shared>>, Path(c): Path<String>) -> Response {
    match s.catalogue.schemas.get(c.as_str()) {
        Some(t) => static_json(t),
        None => error(
            StatusCode::NOT_FOUND,
            "unknown_calculation",
            "no calculation has this name (GET /v1/version lists them)",
            "không có phép tính với tên này (GET /v1/version liệt kê các phép tính)",
        ),
    }
}

async fn version(State(s): State<Arc<Shared>>) -> Response {
    static_json(&s.catalogue.version)
}

async fn healthz() -> Response {
    static_json("{\"status\":\"ok\"}\n")
}

async fn readyz(State(s): State<Arc<Shared>>) -> Response {
    if s.ready.load(Ordering::SeqCst) {
        static_json("{\"status\":\"ready\"}\n")
    } else {
        error(
            StatusCode::SERVICE_UNAVAILABLE,
            "draining",
            "the service is shutting down",
            "dịch vụ đang dừng",
        )
    }
}

async fn metrics(State(s): State<Arc<Shared>>) -> Response {
    let in_flight = s
        .config
        .concurrency
        .saturating_sub(s.permits.available_permits());
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        s.metrics.render(in_flight),
    )
        .into_response()
}

async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such route (GET /v1/openapi.json describes the service)",
        "không có đường dẫn này (GET /v1/openapi.json mô tả dịch vụ)",
    )
}

async fn method_not_allowed() -> Response {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not take this method",
        "đường dẫn này không nhận phương thức này",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_compare_whole() {
        assert!(same_key(b"abcdefghijklmnop", b"abcdefghijklmnop"));
        assert!(!same_key(b"abcdefghijklmnop", b"abcdefghijklmnoq"));
        assert!(!same_key(b"abcdefghijklmnop", b"abcdefghijklmno"));
        assert!(!same_key(b"abcdefghijklmnop", b""));
        assert!(!same_key(b"", b"\0"));
    }

    #[test]
    fn blocks_are_whole_lines_of_about_the_size() {
        let mut pending = b"aaaa\nbbbbbbbb\ncc\nd\n".to_vec();
        let all = pending.clone();
        let mut parts = Vec::new();
        while !pending.is_empty() {
            parts.push(take_block(&mut pending, 6));
        }
        assert_eq!(parts.concat(), all);
        assert!(parts.iter().all(|p| p.ends_with(b"\n")));
        assert_eq!(parts[0], b"aaaa\nbbbbbbbb\n");
    }

    #[test]
    fn routes_are_fixed_labels() {
        assert_eq!(
            route_of("/v1/parameters/rural_poverty_line"),
            "/v1/parameters/{id}"
        );
        assert_eq!(route_of("/v1/schema/pension"), "/v1/schema/{calculation}");
        assert_eq!(route_of("/v1/evaluate"), "/v1/evaluate");
        assert_eq!(route_of("/anything/else"), "other");
    }

    #[test]
    fn csv_lang_is_checked() {
        assert!(matches!(csv_lang(Some("lang=vi")), Ok(bhxh::csv::Lang::Vi)));
        assert!(matches!(csv_lang(None), Ok(bhxh::csv::Lang::En)));
        assert!(csv_lang(Some("lang=fr")).is_err());
    }
}
