//! `bhxh serve`: the engine's JSON contract over HTTP/1.1, for agencies' systems.
//!
//! - `POST /v1/evaluate`: one request → the response, byte for byte what `bhxh eval` prints;
//!   contract errors are 400 (413 for a body over the limit) with the contract's error object.
//! - `POST /v1/batch`: NDJSON requests in, NDJSON responses out in the same order, streamed;
//!   or, with `Content-Type: text/csv`, participants' rows in and monthly quotes out
//!   ([`bhxh::csv`]).
//! - `GET /v1/parameters`, `GET /v1/parameters/{id}`: the cited catalogue (overlay applied).
//! - `GET /v1/openapi.json`, `GET /v1/schema/{calculation}`: OpenAPI 3.1 and JSON Schemas
//!   generated from the engine's Rust types ([`bhxh::schema`]).
//! - `GET /healthz`, `GET /readyz`, `GET /metrics` (Prometheus text), `GET /v1/version`.
//!
//! The service is thin: every answer comes from the engine crate; this crate reads bodies,
//! applies limits, sheds load, logs without personal data and counts.
//!
//! Built on hyper 1 with axum's router (the Rust ecosystem's default stack): our own accept
//! loop sets hyper's header-read timeout and drains connections on SIGTERM.

pub mod batch;
pub mod codegen;
mod handlers;
mod log;
mod metrics;
mod openapi;

use axum::Router;
use bhxh::Params;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// How the service runs (the `bhxh serve` options).
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub listen: SocketAddr,
    /// A parameter overlay applied to every request (the contract's `parameters` object).
    pub parameters: Option<PathBuf>,
    /// A file of API keys, one per line; without it the service is open.
    pub api_keys: Option<PathBuf>,
    /// Origins allowed by CORS; empty: CORS off.
    pub cors_origins: Vec<String>,
    /// Largest request body of `/v1/evaluate`, and largest line of `/v1/batch`.
    pub max_request_bytes: usize,
    /// Requests served at once; more are shed with 503 and `Retry-After`.
    pub concurrency: usize,
    /// Batches streamed at once (each holds a few MB of buffers); more are shed with 503.
    pub batch_concurrency: usize,
    /// Time a client has to send its request headers.
    pub header_timeout: Duration,
    /// Time a client has to send a body (`/v1/evaluate`), or between two chunks of a batch.
    pub read_timeout: Duration,
    /// On SIGTERM, how long in-flight requests may take to finish.
    pub drain_timeout: Duration,
    /// Worker threads (default: one per core).
    pub threads: Option<usize>,
    /// Log one JSON line per request (never a body, an income or a date).
    pub log_requests: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            parameters: None,
            api_keys: None,
            cors_origins: Vec::new(),
            max_request_bytes: bhxh::MAX_REQUEST_BYTES,
            concurrency: 1024,
            batch_concurrency: 8,
            header_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            drain_timeout: Duration::from_secs(30),
            threads: None,
            log_requests: true,
        }
    }
}

/// What every request shares.
pub(crate) struct Shared {
    pub(crate) config: Config,
    pub(crate) params: &'static Params,
    pub(crate) keys: Vec<Vec<u8>>,
    pub(crate) permits: Arc<Semaphore>,
    pub(crate) batch_permits: Arc<Semaphore>,
    pub(crate) metrics: metrics::Metrics,
    pub(crate) ready: AtomicBool,
    pub(crate) catalogue: openapi::Catalogue,
    pub(crate) next_id: AtomicU64,
}

/// The service, validated and ready to serve.
#[derive(Clone)]
pub struct Service {
    shared: Arc<Shared>,
}

impl Service {
    /// Reads the overlay and the keys and builds every static answer: any mistake in the
    /// configuration is reported here, before the service listens.
    ///
    /// # Errors
    /// A message naming the file and the problem.
    pub fn new(config: Config) -> Result<Self, String> {
        let params = load_parameters(config.parameters.as_ref())?;
        let keys = match &config.api_keys {
            None => Vec::new(),
            Some(p) => read_keys(p)?,
        };
        if config.concurrency == 0 || config.batch_concurrency == 0 || config.max_request_bytes == 0
        {
            return Err(
                "--concurrency, --batch-concurrency and --max-request-bytes must be positive"
                    .into(),
            );
        }
        let catalogue = openapi::Catalogue::new(params)?;
        let permits = Arc::new(Semaphore::new(config.concurrency));
        let batch_permits = Arc::new(Semaphore::new(config.batch_concurrency));
        Ok(Service {
            shared: Arc::new(Shared {
                config,
                params,
                keys,
                permits,
                batch_permits,
                metrics: metrics::Metrics::default(),
                ready: AtomicBool::new(true),
                catalogue,
                next_id: AtomicU64::new(start_id()),
            }),
        })
    }

    /// The routes with their middleware (limits, keys, CORS, compression, logs, metrics).
    pub fn router(&self) -> Router {
        handlers::router(self.shared.clone())
    }

    /// The parameter fingerprint every receipt will carry.
    pub fn parameters_hash(&self) -> &str {
        &self.shared.params.hash
    }
}

/// The built-in parameters with the overlay file applied (validated as a request's
/// `parameters` would be), kept for the life of the process.
///
/// # Errors
/// A message naming the file and the problem.
pub fn load_parameters(path: Option<&PathBuf>) -> Result<&'static Params, String> {
    let base = Params::embedded().map_err(|e| e.to_string())?;
    let Some(path) = path else {
        return Ok(base);
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let overlay: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    let p = base
        .with_overlay(&overlay)
        .map_err(|e| format!("{}: {} ({})", path.display(), e, e.code()))?;
    Ok(Box::leak(Box::new(p)))
}

/// API keys: one per line, `#` comments and blank lines ignored; each at least 16
/// printable ASCII characters.
fn read_keys(path: &PathBuf) -> Result<Vec<Vec<u8>>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut keys = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let k = line.trim();
        if k.is_empty() || k.starts_with('#') {
            continue;
        }
        if k.len() < 16 || !k.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(format!(
                "{} line {}: an API key is at least 16 printable ASCII characters",
                path.display(),
                i + 1
            ));
        }
        keys.push(k.as_bytes().to_vec());
    }
    if keys.is_empty() {
        return Err(format!("{} holds no API key", path.display()));
    }
    Ok(keys)
}

/// A start for request ids that differs between runs.
fn start_id() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (t.as_secs() << 20) ^ u64::from(t.subsec_nanos())
}

/// Runs the service until SIGTERM or Ctrl-C: binds, logs where it listens, serves, drains.
///
/// # Errors
/// A message when the configuration is wrong or the address cannot be bound.
pub fn run(config: Config) -> Result<(), String> {
    let started = std::time::Instant::now();
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = config.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = rt
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    if let Some(n) = config.threads {
        // The batch blocks run on rayon's pool: the same number of threads.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let listen = config.listen;
    let service = Service::new(config)?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        let local = listener
            .local_addr()
            .map_err(|e| format!("cannot read the bound address: {e}"))?;
        log::event(&serde_json::json!({
            "level": "info",
            "msg": "listening",
            "addr": local.to_string(),
            "engine_version": bhxh::ENGINE_VERSION,
            "parameters_hash": service.parameters_hash(),
            "startup_us": started.elapsed().as_micros() as u64,
        }));
        serve(listener, service, shutdown_signal())
            .await
            .map_err(|e| format!("the service failed: {e}"))
    })
}

/// Serves `listener` until `shutdown` completes, then stops accepting, lets in-flight
/// requests finish (at most the drain timeout) and returns.
///
/// # Errors
/// None today; reserved for listener failures that cannot be retried.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Service,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let shared = service.shared.clone();
    let app = service.router();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(shared.config.header_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            conn = listener.accept() => {
                let stream = match conn {
                    Ok((s, _)) => s,
                    Err(e) => {
                        // Out of file descriptors and the like: wait, do not spin.
                        log::event(&serde_json::json!({"level": "warn", "msg": "accept failed", "error": e.to_string()}));
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let svc = hyper_util::service::TowerToHyperService::new(app.clone());
                let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), svc));
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    shared.ready.store(false, Ordering::SeqCst);
    log::flush();
    log::event(&serde_json::json!({"level": "info", "msg": "draining"}));
    tokio::select! {
        () = graceful.shutdown() => {
            log::flush();
            log::event(&serde_json::json!({"level": "info", "msg": "stopped"}));
        }
        () = tokio::time::sleep(shared.config.drain_timeout) => {
            log::event(&serde_json::json!({"level": "warn", "msg": "drain timeout: connections cut"}));
        }
    }
    Ok(())
}

/// SIGTERM or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
