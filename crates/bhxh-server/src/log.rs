//! JSON log lines on standard error. Request lines go through a bounded queue to one writer
//! thread that writes them in batches (one system call per batch under load, at once when
//! idle); when the queue is full a line is dropped and counted rather than slowing the
//! answers. Other events are written at once.

use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::OnceLock;

enum Msg {
    Line(String),
    Flush(std::sync::mpsc::Sender<()>),
}

static QUEUE: OnceLock<SyncSender<Msg>> = OnceLock::new();

/// Request lines dropped because the queue was full.
pub(crate) static DROPPED: AtomicU64 = AtomicU64::new(0);

fn writer(rx: &Receiver<Msg>) {
    let mut out = std::io::BufWriter::with_capacity(64 << 10, std::io::stderr());
    while let Ok(first) = rx.recv() {
        let mut next = Some(first);
        while let Some(m) = next.take() {
            match m {
                Msg::Line(l) => {
                    let _ = out.write_all(l.as_bytes());
                }
                Msg::Flush(done) => {
                    let _ = out.flush();
                    let _ = done.send(());
                }
            }
            next = rx.try_recv().ok();
        }
        let _ = out.flush();
    }
}

fn queue() -> &'static SyncSender<Msg> {
    QUEUE.get_or_init(|| {
        let (tx, rx) = sync_channel(1 << 16);
        let _ = std::thread::Builder::new()
            .name("bhxh-log".into())
            .spawn(move || writer(&rx));
        tx
    })
}

/// Milliseconds since the epoch.
pub(crate) fn now_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// Queues one request line (already JSON, ending with a line end).
pub(crate) fn request_line(line: String) {
    match queue().try_send(Msg::Line(line)) {
        Ok(()) => {}
        Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Writes queued lines out and waits until they are (at shutdown).
pub(crate) fn flush() {
    // Never blocks for more than about five seconds, even if standard error is stuck.
    let Some(q) = QUEUE.get() else { return };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let (tx, rx) = std::sync::mpsc::channel();
    let mut msg = Msg::Flush(tx);
    loop {
        match q.try_send(msg) {
            Ok(()) => break,
            Err(TrySendError::Full(m)) if std::time::Instant::now() < deadline => {
                msg = m;
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(_) => return,
        }
    }
    let _ = rx.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now()));
}

/// Writes one event line at once, with a timestamp.
pub(crate) fn event(v: &serde_json::Value) {
    let body = v.to_string();
    let line = format!(
        "{{\"ts_ms\":{},{}\n",
        now_ms(),
        body.strip_prefix('{').unwrap_or(&body)
    );
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
