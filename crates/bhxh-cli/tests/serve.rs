//! `bhxh serve` over real loopback HTTP: the binary is started as a process, a real HTTP
//! client (ureq) and raw sockets talk to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bhxh");

struct Server {
    child: Child,
    addr: String,
    log: mpsc::Receiver<String>,
}

impl Server {
    // `Drop` kills and waits for the child.
    #[allow(clippy::zombie_processes)]
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let line = rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("the service did not say where it listens");
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            if v["msg"] == "listening" {
                let addr = v["addr"].as_str().unwrap().to_string();
                return Server {
                    child,
                    addr,
                    log: rx,
                };
            }
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Log lines so far.
    fn logs(&self) -> Vec<String> {
        self.log.try_iter().collect()
    }

    fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::config::Config::builder()
            .http_status_as_error(false)
            .build(),
    )
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn answer(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut r = r.unwrap();
    let status = r.status().as_u16();
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let bytes = r
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_vec()
        .unwrap();
    // A compressed body is not text: kept lossily (only its headers are checked).
    let body = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Answer {
        status,
        headers,
        body,
    }
}

fn post(a: &ureq::Agent, url: &str, content_type: &str, body: &[u8]) -> Answer {
    answer(a.post(url).header("Content-Type", content_type).send(body))
}

fn get(a: &ureq::Agent, url: &str) -> Answer {
    answer(a.get(url).call())
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every scenario's request text.
fn corpus() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![root().join("tests/scenarios")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                let sc: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                let text = match sc.get("request_text").and_then(|t| t.as_str()) {
                    Some(t) => t.to_string(),
                    None => sc["request"].to_string(),
                };
                out.push((p.display().to_string(), text));
            }
        }
    }
    out.sort();
    assert!(out.len() > 300);
    out
}

fn eval_cli(request: &str) -> (String, bool) {
    let mut c = Command::new(BIN)
        .arg("eval")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin
        .take()
        .unwrap()
        .write_all(request.as_bytes())
        .unwrap();
    let out = c.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

#[test]
fn the_corpus_through_http_is_bhxh_eval_byte_for_byte() {
    let s = Server::start(&["--quiet"]);
    let a = agent();
    for (name, text) in corpus() {
        let (expected, ok) = eval_cli(&text);
        let r = post(
            &a,
            &s.url("/v1/evaluate"),
            "application/json",
            text.as_bytes(),
        );
        assert_eq!(r.body, expected, "{name}");
        assert_eq!(r.status == 200, ok, "{name}: {}", r.status);
        if !ok {
            assert!(matches!(r.status, 400 | 413), "{name}: {}", r.status);
        }
        assert_eq!(r.header("content-type"), Some("application/json"));
    }
}

#[test]
fn a_batch_answers_like_single_requests_in_order() {
    let s = Server::start(&["--quiet"]);
    let a = agent();
    let requests: Vec<String> = corpus()
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| !t.contains('\n') && !t.trim().is_empty())
        .collect();
    let mut body = requests.join("\n");
    body.push_str("\n\n{not json\n");
    let r = post(
        &a,
        &s.url("/v1/batch"),
        "application/x-ndjson",
        body.as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    let lines: Vec<&str> = r.body.lines().collect();
    assert_eq!(lines.len(), requests.len() + 1);
    for (req, line) in requests.iter().zip(&lines) {
        let expected = match bhxh::evaluate(req) {
            Ok(t) => t,
            Err(e) => e.to_json().to_string(),
        };
        assert_eq!(*line, expected);
    }
    assert!(lines.last().unwrap().contains("malformed_json"));
}

#[test]
fn a_csv_batch_over_http_equals_bhxh_batch() {
    let s = Server::start(&["--quiet"]);
    let mut csv = String::from("id,payment_month,income,category,subsidised_before,province\n");
    let cats = ["poor", "near_poor", "ethnic_minority", "other", "nobody"];
    for i in 0..20_000u64 {
        let income = 1_400_000 + (i % 50) * 50_000;
        let month = ["2025-06", "2026-03", "2026-12", "2027-01", "202701"][(i % 5) as usize];
        let province = ["", "ha_noi", "hue", "nowhere"][(i % 4) as usize];
        csv.push_str(&format!(
            "p{i},{month},{income},{},{},{province}\n",
            cats[(i % 5) as usize],
            i % 130
        ));
    }
    let r = post(
        &agent(),
        &s.url("/v1/batch?lang=en"),
        "text/csv",
        csv.as_bytes(),
    );
    assert_eq!(r.status, 200);
    let dir = std::env::temp_dir().join(format!("bhxh-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.csv");
    std::fs::write(&input, &csv).unwrap();
    let out = Command::new(BIN)
        .args(["batch", input.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(r.body, String::from_utf8(out.stdout).unwrap());
    assert_eq!(r.body.lines().count(), 20_001);
    // Every status occurs, and the ok rows are the single calculation's numbers.
    for code in [
        "ok",
        "income_below_floor",
        "unknown_category",
        "unknown_province",
    ] {
        assert!(r.body.contains(&format!(",{code},")), "{code}");
    }
    sampled_rows_equal_the_contract(&csv, &r.body);
    let _ = std::fs::remove_dir_all(dir);
}

/// Sampled rows of a CSV batch equal the single contract calculation (monthly method).
fn sampled_rows_equal_the_contract(csv: &str, out: &str) {
    // Sampled rows equal the single contract calculation (monthly method).
    for line in out.lines().skip(1).step_by(97) {
        let f: Vec<&str> = line.split(',').collect();
        let i: usize = f[1][1..].parse().unwrap();
        let src: Vec<&str> = csv.lines().nth(i + 1).unwrap().split(',').collect();
        let month = if src[1].len() == 6 {
            format!("{}-{}", &src[1][..4], &src[1][4..])
        } else {
            src[1].to_string()
        };
        let province = if src[5].is_empty() {
            String::new()
        } else {
            format!(r#","province":"{}""#, src[5])
        };
        let req = format!(
            r#"{{"calculation":"contribution","payment_month":"{month}","income":{},"method":"monthly","categories":["{}"],"subsidised_months_before":{}{province},"trace":false}}"#,
            src[2], src[3], src[4]
        );
        match bhxh::evaluate(&req) {
            Ok(t) => {
                let v: serde_json::Value = serde_json::from_str(&t).unwrap();
                assert_eq!(f[3], "ok", "{line} {req}");
                let got: Vec<i64> = f[4..8].iter().map(|x| x.parse().unwrap()).collect();
                let want = [
                    &v["gross"],
                    &v["state_support"],
                    &v["local_support"],
                    &v["payable"],
                ]
                .map(|x| x.as_i64().unwrap());
                assert_eq!(got, want, "{line} {req}");
            }
            // A row with several faults may be reported by another of them than the
            // contract names first; a row with one fault is reported by it.
            Err(e) => {
                assert_ne!(f[3], "ok", "{line} {req}");
                let faults = usize::from(e.code() == "unknown_province" || src[5] == "nowhere")
                    + usize::from(src[3] == "nobody")
                    + usize::from(
                        src[2].parse::<u64>().unwrap()
                            < if month.as_str() < "2027-01" {
                                1_500_000
                            } else {
                                2_200_000
                            },
                    )
                    + usize::from(src[4].parse::<u64>().unwrap() > 120);
                if faults <= 1 {
                    assert_eq!(f[3], e.code(), "{line} {req}");
                }
            }
        }
    }
}

#[test]
fn errors_are_json_with_the_right_status() {
    let s = Server::start(&["--max-request-bytes", "2000", "--quiet"]);
    let a = agent();
    let big = format!(
        "{{\"calculation\":\"contribution\",\"x\":\"{}\"}}",
        "a".repeat(3000)
    );
    let r = post(
        &a,
        &s.url("/v1/evaluate"),
        "application/json",
        big.as_bytes(),
    );
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"]["code"], "request_too_large");
    let r = post(
        &a,
        &s.url("/v1/evaluate"),
        "application/json",
        b"{\"calculation\":",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "malformed_json");
    let r = post(
        &a,
        &s.url("/v1/evaluate"),
        "application/json",
        b"{\"calculation\":\"pension\",\"sex\":\"male\",\"birth_date\":\"1970\",\"history\":[]}",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["field"], "history");
    let r = get(&a, &s.url("/v2/nothing"));
    assert_eq!(
        (r.status, r.json()["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let r = get(&a, &s.url("/v1/evaluate"));
    assert_eq!(
        (r.status, r.json()["error"]["code"].as_str()),
        (405, Some("method_not_allowed"))
    );
    let r = get(&a, &s.url("/v1/parameters/nothing"));
    assert_eq!(r.status, 404);
    let r = get(&a, &s.url("/v1/schema/nothing"));
    assert_eq!(r.status, 404);
    let r = post(
        &a,
        &s.url("/v1/batch?lang=fr"),
        "text/csv",
        b"payment_month,income\n",
    );
    assert_eq!(r.status, 400);
    let r = post(&a, &s.url("/v1/batch"), "text/csv", b"id,income\n1,2\n");
    assert_eq!(
        (r.status, r.json()["error"]["code"].as_str()),
        (400, Some("missing_field"))
    );
    // A batch line over the limit is answered in its place; the others go on.
    let ok = r#"{"calculation":"retirement","sex":"female","birth_date":"1980-05"}"#;
    let body = format!("{ok}\n{big}\n{ok}\n");
    let r = post(
        &a,
        &s.url("/v1/batch"),
        "application/x-ndjson",
        body.as_bytes(),
    );
    let lines: Vec<&str> = r.body.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1].contains("request_too_large"));
    assert_eq!(lines[0], lines[2]);
}

/// The head of a JSON `POST /v1/evaluate` of `len` bytes that closes after the response.
fn evaluate_head(len: usize) -> String {
    format!(
        "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {len}\r\n\r\n"
    )
}

/// A raw HTTP/1.1 exchange that closes after the response.
fn raw_send(addr: &str, head: &str, body: &[u8]) -> TcpStream {
    let mut t = TcpStream::connect(addr).unwrap();
    t.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    t.write_all(head.as_bytes()).unwrap();
    t.write_all(body).unwrap();
    t
}

fn read_to_end(t: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = t.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn contribution(income: u64) -> String {
    format!(
        r#"{{"calculation":"contribution","payment_month":"2026-03","income":{income},"method":"monthly","categories":["near_poor"]}}"#
    )
}

#[test]
fn a_slow_client_is_timed_out_without_holding_the_service() {
    let s = Server::start(&["--read-timeout", "1", "--header-timeout", "1", "--quiet"]);
    // Headers never finished: the connection is closed.
    let mut t = raw_send(&s.addr, "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\n", b"");
    // Body never finished: 408 with the contract's error object.
    let body = contribution(2_000_000);
    let mut u = raw_send(&s.addr, &evaluate_head(body.len()), &body.as_bytes()[..10]);
    // Meanwhile others are served at once.
    let r = post(
        &agent(),
        &s.url("/v1/evaluate"),
        "application/json",
        body.as_bytes(),
    );
    assert_eq!(r.status, 200);
    let started = Instant::now();
    let headers_only = read_to_end(&mut t);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(!headers_only.contains("200 OK"), "{headers_only}");
    let timed_out = read_to_end(&mut u);
    assert!(timed_out.starts_with("HTTP/1.1 408"), "{timed_out}");
    assert!(timed_out.contains("\"request_timeout\""), "{timed_out}");
}

#[test]
fn load_is_shed_with_503_and_retry_after() {
    let s = Server::start(&["--concurrency", "1", "--read-timeout", "20", "--quiet"]);
    let body = contribution(2_000_000);
    // One request holds the only slot while its body trickles in.
    let mut slow = raw_send(&s.addr, &evaluate_head(body.len()), &body.as_bytes()[..5]);
    std::thread::sleep(Duration::from_millis(300));
    let a = agent();
    let r = post(
        &a,
        &s.url("/v1/evaluate"),
        "application/json",
        body.as_bytes(),
    );
    assert_eq!(r.status, 503);
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(r.json()["error"]["code"], "overloaded");
    assert_eq!(get(&a, &s.url("/healthz")).status, 200);
    let m = get(&a, &s.url("/metrics")).body;
    assert!(m.contains("bhxh_shed_total 1"), "{m}");
    assert!(m.contains("bhxh_in_flight 1"), "{m}");
    slow.write_all(&body.as_bytes()[5..]).unwrap();
    let done = read_to_end(&mut slow);
    assert!(done.starts_with("HTTP/1.1 200"), "{done}");
    let r = post(
        &a,
        &s.url("/v1/evaluate"),
        "application/json",
        body.as_bytes(),
    );
    assert_eq!(r.status, 200);
}

#[test]
fn sigterm_lets_in_flight_requests_finish() {
    let mut s = Server::start(&["--quiet"]);
    let body = contribution(2_000_000);
    let mut slow = raw_send(&s.addr, &evaluate_head(body.len()), &body.as_bytes()[..5]);
    std::thread::sleep(Duration::from_millis(300));
    s.terminate();
    std::thread::sleep(Duration::from_millis(500));
    // No new connections once draining.
    assert!(TcpStream::connect(&s.addr).is_err());
    slow.write_all(&body.as_bytes()[5..]).unwrap();
    let done = read_to_end(&mut slow);
    assert!(done.starts_with("HTTP/1.1 200"), "{done}");
    assert!(done.ends_with(&format!("{}\n", bhxh::evaluate(&body).unwrap())));
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(st) = s.child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "the service did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    let logs = s.logs().join("\n");
    assert!(
        logs.contains("\"draining\"") && logs.contains("\"stopped\""),
        "{logs}"
    );
}

#[test]
fn ten_thousand_requests_from_64_clients_all_match() {
    let s = Server::start(&["--quiet"]);
    let url = s.url("/v1/evaluate");
    let handles: Vec<_> = (0..64u64)
        .map(|c| {
            let url = url.clone();
            std::thread::spawn(move || {
                let a = agent();
                let mut n = 0;
                for i in 0..157u64 {
                    if c * 157 + i >= 10_000 {
                        break;
                    }
                    let income = 1_500_000 + ((c * 157 + i) % 400) * 50_000;
                    let body = contribution(income);
                    let r = post(&a, &url, "application/json", body.as_bytes());
                    assert_eq!(r.status, 200);
                    assert_eq!(r.body, format!("{}\n", bhxh::evaluate(&body).unwrap()));
                    n += 1;
                }
                n
            })
        })
        .collect();
    let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(total, 10_000);
    let m = get(&agent(), &s.url("/metrics")).body;
    assert!(m.contains(
        "bhxh_requests_total{route=\"/v1/evaluate\",calculation=\"contribution\",status=\"200\"} 10000"
    ), "{m}");
}

#[test]
fn api_keys_cors_compression_and_logs() {
    let dir = std::env::temp_dir().join(format!("bhxh-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let keys = dir.join("keys");
    std::fs::write(
        &keys,
        "# agency keys\nkey-of-the-hue-office-0001\nsecond-key-for-tests-0002\n",
    )
    .unwrap();
    let s = Server::start(&[
        "--api-keys",
        keys.to_str().unwrap(),
        "--cors-origin",
        "https://bhxh.example",
    ]);
    let a = agent();
    let body = contribution(2_350_000);
    let url = s.url("/v1/evaluate");
    let with = |k: &str, v: &str| {
        answer(
            a.post(&url)
                .header("Content-Type", "application/json")
                .header(k, v)
                .send(body.as_bytes()),
        )
    };
    assert_eq!(
        post(&a, &url, "application/json", body.as_bytes()).status,
        401
    );
    assert_eq!(
        with("Authorization", "Bearer key-of-the-hue-office-0002").status,
        401
    );
    assert_eq!(
        with("Authorization", "Bearer key-of-the-hue-office-0001").status,
        200
    );
    let r = with("X-API-Key", "second-key-for-tests-0002");
    assert_eq!(r.status, 200);
    assert!(r.header("x-request-id").is_some());
    assert_eq!(get(&a, &s.url("/healthz")).status, 200);
    // CORS for the allowed origin only.
    let origin = |o: &str| {
        answer(
            a.get(s.url("/v1/version"))
                .header("Origin", o)
                .header("X-API-Key", "second-key-for-tests-0002")
                .call(),
        )
    };
    assert_eq!(
        origin("https://bhxh.example").header("access-control-allow-origin"),
        Some("https://bhxh.example")
    );
    assert_eq!(
        origin("https://evil.example").header("access-control-allow-origin"),
        None
    );
    // Compressed when asked.
    let r = answer(
        a.get(s.url("/v1/parameters"))
            .header("Accept-Encoding", "gzip")
            .header("X-API-Key", "second-key-for-tests-0002")
            .call(),
    );
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    // Request logs: one JSON line each, with the id, and never the income.
    std::thread::sleep(Duration::from_millis(200));
    let logs = s.logs();
    let requests: Vec<serde_json::Value> = logs
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["msg"] == "request")
        .collect();
    assert!(requests.len() >= 7, "{logs:?}");
    assert!(requests.iter().any(|v| v["status"] == 401));
    assert!(requests
        .iter()
        .all(|v| v["request_id"].as_str().is_some_and(|i| !i.is_empty())));
    assert!(!logs
        .iter()
        .any(|l| l.contains("2350000") || l.contains("2026-03")));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_overlay_applies_to_every_request_and_to_the_catalogue() {
    let dir = std::env::temp_dir().join(format!("bhxh-overlay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let overlay = dir.join("overlay.json");
    std::fs::write(
        &overlay,
        r#"{"rural_poverty_line": {"values": [{"from": "2026-03", "value": 1800000}]}}"#,
    )
    .unwrap();
    let s = Server::start(&["--parameters", overlay.to_str().unwrap(), "--quiet"]);
    let a = agent();
    let v = get(&a, &s.url("/v1/version")).json();
    let builtin = bhxh::Params::embedded().unwrap().hash.clone();
    assert_ne!(v["parameters_hash"], builtin.as_str());
    let r = post(
        &a,
        &s.url("/v1/evaluate"),
        "application/json",
        contribution(2_000_000).as_bytes(),
    )
    .json();
    assert_eq!(r["receipt"]["parameters_hash"], v["parameters_hash"]);
    assert_eq!(r["income_floor"], 1_800_000);
    let p = get(&a, &s.url("/v1/parameters/rural_poverty_line")).json();
    assert!(p["values"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["value"] == 1_800_000));
    // A bad overlay stops the start with a message naming the file.
    std::fs::write(&overlay, r#"{"rural_povrty_line": {}}"#).unwrap();
    let out = Command::new(BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--parameters",
            overlay.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown_field"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_descriptions_are_served() {
    let s = Server::start(&["--quiet"]);
    let a = agent();
    let o = get(&a, &s.url("/v1/openapi.json")).json();
    assert_eq!(o["openapi"], "3.1.0");
    assert!(o["paths"]["/v1/evaluate"]["post"].is_object());
    let calcs = get(&a, &s.url("/v1/version")).json()["calculations"].clone();
    assert_eq!(
        calcs.as_array().unwrap().len(),
        bhxh::CALCULATIONS.split(", ").count()
    );
    for c in calcs.as_array().unwrap() {
        let sc = get(&a, &s.url(&format!("/v1/schema/{}", c.as_str().unwrap()))).json();
        assert!(
            sc["request"]["properties"]["calculation"].is_object(),
            "{c}"
        );
        assert!(sc["response"]["properties"]["receipt"].is_object(), "{c}");
    }
    let all = get(&a, &s.url("/v1/parameters")).json();
    assert_eq!(all, bhxh::catalogue());
    assert_eq!(get(&a, &s.url("/readyz")).json()["status"], "ready");
    let m = get(&a, &s.url("/metrics"));
    assert!(m.header("content-type").unwrap().starts_with("text/plain"));
}

#[test]
fn a_batch_reader_that_stops_reading_loses_its_slot() {
    let s = Server::start(&["--concurrency", "1", "--read-timeout", "1", "--quiet"]);
    // About 3 MB of requests whose answers (with their traces) are far more than the
    // socket buffers hold; the client sends them all and never reads.
    let one = contribution(2_000_000);
    let mut body = String::new();
    while body.len() < 3 << 20 {
        body.push_str(&one);
        body.push('\n');
    }
    let head = format!(
        "POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let stalled = std::thread::spawn({
        let addr = s.addr.clone();
        move || {
            let mut t = TcpStream::connect(addr).unwrap();
            t.write_all(head.as_bytes()).unwrap();
            let _ = t.write_all(body.as_bytes());
            std::thread::sleep(Duration::from_secs(15));
            drop(t);
        }
    });
    // Wait until the batch holds the only slot (the metrics are never shed).
    let a = agent();
    let held = Instant::now() + Duration::from_secs(5);
    while !get(&a, &s.url("/metrics"))
        .body
        .contains("bhxh_in_flight 1")
    {
        assert!(Instant::now() < held, "the batch never took the slot");
        std::thread::sleep(Duration::from_millis(20));
    }
    // While it holds the slot others are shed; within a few read timeouts it is freed.
    let deadline = Instant::now() + Duration::from_secs(12);
    let mut shed = false;
    loop {
        let r = post(
            &a,
            &s.url("/v1/evaluate"),
            "application/json",
            one.as_bytes(),
        );
        if r.status == 200 {
            break;
        }
        assert_eq!(r.status, 503);
        shed = true;
        assert!(Instant::now() < deadline, "the stalled batch kept its slot");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        shed,
        "the batch never held the slot: the test proves nothing"
    );
    drop(stalled);
}
