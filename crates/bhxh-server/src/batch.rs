//! Batch files, shared by `bhxh batch` and `POST /v1/batch`: input arrives in chunks of any
//! size, is cut into blocks of whole lines ([`Splitter`]), and each block is answered on
//! all cores, in input order ([`Ndjson`], [`Csv`]). Memory is bounded by the block size
//! and the longest allowed line, whatever the size of the input.

use bhxh::csv::{CsvQuoter, Lang};
use bhxh::Params;
use rayon::prelude::*;

/// The line that stands for an input line longer than the limit (a lone NUL byte: never a
/// JSON request, never a CSV row).
const OVERSIZE: &[u8] = b"\0";

/// Cuts a stream of chunks into blocks of whole lines. A line longer than `max_line` is
/// replaced by a marker (answered with `request_too_large` or `malformed_row`) and the
/// rest of it is skipped, so that memory stays bounded.
pub struct Splitter {
    carry: Vec<u8>,
    skipping: bool,
    max_line: usize,
}

impl Splitter {
    /// A splitter for lines of at most `max_line` bytes.
    pub fn new(max_line: usize) -> Self {
        Splitter {
            carry: Vec::new(),
            skipping: false,
            max_line,
        }
    }

    /// Adds a chunk; returns the complete lines it finishes (possibly none), each ending
    /// with `\n`.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        let mut block = Vec::with_capacity(chunk.len().saturating_add(self.carry.len()));
        let mut rest = chunk;
        while let Some(i) = rest.iter().position(|b| *b == b'\n') {
            let (line, tail) = rest.split_at(i);
            rest = tail.get(1..).unwrap_or_default();
            if self.skipping {
                // The end of a line already answered by its marker.
                self.skipping = false;
                continue;
            }
            if self.carry.len().saturating_add(line.len()) > self.max_line {
                self.carry.clear();
                block.extend_from_slice(OVERSIZE);
            } else {
                block.append(&mut self.carry);
                block.extend_from_slice(line);
            }
            block.push(b'\n');
        }
        if !self.skipping {
            if self.carry.len().saturating_add(rest.len()) > self.max_line {
                self.carry.clear();
                self.skipping = true;
                block.extend_from_slice(OVERSIZE);
                block.push(b'\n');
            } else {
                self.carry.extend_from_slice(rest);
            }
        }
        block
    }

    /// The last line when the input does not end with a line end.
    pub fn finish(&mut self) -> Vec<u8> {
        let mut last = std::mem::take(&mut self.carry);
        if !last.is_empty() {
            last.push(b'\n');
        }
        last
    }
}

/// Cuts `block` (whole lines) into at most `parts` pieces of whole lines of similar size.
fn pieces(block: &[u8], parts: usize) -> Vec<&[u8]> {
    let parts = parts.max(1);
    let target = block.len() / parts;
    let mut out = Vec::with_capacity(parts);
    let mut rest = block;
    while out.len() + 1 < parts && rest.len() > target && target > 0 {
        let cut = rest
            .get(target..)
            .and_then(|t| t.iter().position(|b| *b == b'\n'))
            .map(|i| target + i + 1);
        match cut {
            Some(c) if c < rest.len() => {
                let (a, b) = rest.split_at(c);
                out.push(a);
                rest = b;
            }
            _ => break,
        }
    }
    out.push(rest);
    out
}

/// Blocks smaller than this are answered on one thread (spreading them costs more than
/// it saves).
const PARALLEL_BYTES: usize = 16 << 10;

/// Answers NDJSON contract requests, one response line per non-blank request line.
pub struct Ndjson {
    params: &'static Params,
    limit: usize,
}

impl Ndjson {
    /// Requests over `params` (the built-in set or an agency's overlay), each at most
    /// `limit` bytes.
    pub fn new(params: &'static Params, limit: usize) -> Self {
        Ndjson { params, limit }
    }

    /// Answers the lines of `block`; returns the output and (responses, errors).
    pub fn block(&self, block: &[u8]) -> (Vec<u8>, u64, u64) {
        let parts = if block.len() < PARALLEL_BYTES {
            vec![block]
        } else {
            pieces(block, rayon::current_num_threads())
        };
        let outs: Vec<(Vec<u8>, u64, u64)> = parts.par_iter().map(|p| self.lines(p)).collect();
        let mut all = Vec::with_capacity(outs.iter().map(|o| o.0.len()).sum());
        let (mut n, mut e) = (0, 0);
        for (o, a, b) in outs {
            all.extend_from_slice(&o);
            n += a;
            e += b;
        }
        (all, n, e)
    }

    fn lines(&self, part: &[u8]) -> (Vec<u8>, u64, u64) {
        let mut out = Vec::with_capacity(part.len().saturating_mul(4));
        let (mut n, mut errors) = (0u64, 0u64);
        for line in part.split(|b| *b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            n += 1;
            let answer = if line == OVERSIZE {
                Err(bhxh::Error::RequestTooLarge {
                    bytes: (self.limit as u64).saturating_add(1),
                    limit: self.limit as u64,
                })
            } else {
                bhxh::evaluate_bytes_on(self.params, line, self.limit)
            };
            match answer {
                Ok(s) => out.extend_from_slice(s.as_bytes()),
                Err(e) => {
                    errors += 1;
                    out.extend_from_slice(e.to_json().to_string().as_bytes());
                }
            }
            out.push(b'\n');
        }
        (out, n, errors)
    }
}

/// Quotes CSV participant rows as monthly payments (see [`bhxh::csv`]), one quoter per
/// thread.
pub struct Csv {
    quoters: Vec<CsvQuoter<'static>>,
    next_line: u64,
    lang: Lang,
}

/// What a block of CSV gave.
#[derive(Clone, Copy, Debug, Default)]
pub struct CsvCounts {
    /// Rows written.
    pub rows: u64,
    /// Rows quoted.
    pub ok: u64,
}

impl Csv {
    /// Reads the header line (line 1).
    ///
    /// # Errors
    /// The engine's error for a header without the required columns.
    pub fn new(params: &'static Params, header: &str, lang: Lang) -> bhxh::Result<Self> {
        let threads = rayon::current_num_threads().max(1);
        let quoters = (0..threads)
            .map(|_| CsvQuoter::new(params, header))
            .collect::<bhxh::Result<Vec<_>>>()?;
        Ok(Csv {
            quoters,
            next_line: 2,
            lang,
        })
    }

    /// The output's header line, with its line end.
    pub fn header(&self) -> String {
        format!("{}\n", bhxh::csv::header(self.lang))
    }

    /// Quotes the lines of `block` (whole lines), numbering them on from the last block.
    pub fn block(&mut self, block: &[u8]) -> (String, CsvCounts) {
        let parts = if block.len() < PARALLEL_BYTES {
            vec![block]
        } else {
            pieces(block, self.quoters.len())
        };
        let mut firsts = Vec::with_capacity(parts.len());
        for p in &parts {
            firsts.push(self.next_line);
            let lines = p.iter().filter(|b| **b == b'\n').count() as u64;
            let unterminated = u64::from(!p.is_empty() && !p.ends_with(b"\n"));
            self.next_line = self.next_line.saturating_add(lines + unterminated);
        }
        let outs: Vec<(String, bhxh::csv::Counts)> = parts
            .par_iter()
            .zip(self.quoters.par_iter_mut())
            .zip(firsts.par_iter())
            .map(|((p, q), first)| {
                let mut out = String::with_capacity(p.len().saturating_mul(2));
                let c = q.quote_lines(p, *first, &mut out);
                (out, c)
            })
            .collect();
        let mut all = String::with_capacity(outs.iter().map(|o| o.0.len()).sum());
        let mut counts = CsvCounts::default();
        for (o, c) in outs {
            all.push_str(&o);
            counts.rows += c.rows;
            counts.ok += c.ok;
        }
        (all, counts)
    }
}

/// The format of a batch file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One contract request per line.
    Ndjson,
    /// Participants' rows with a header line.
    Csv,
}

/// What a batch run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Bytes read.
    pub bytes: u64,
    /// Output rows (one per non-blank input line).
    pub rows: u64,
    /// Rows answered with an error or a non-ok status.
    pub not_ok: u64,
}

/// Bytes read per block.
const BLOCK: usize = 1 << 20;

/// Runs a batch from `input` to `output` in constant memory: blocks of whole lines,
/// each answered on all cores, written in order; `progress` hears the bytes read and the
/// rows written after each block.
///
/// # Errors
/// A message for a read or write failure, or the engine's error for a CSV header without
/// the required columns.
pub fn run(
    params: &'static Params,
    format: Format,
    lang: Lang,
    max_line: usize,
    mut input: impl std::io::Read,
    mut output: impl std::io::Write,
    mut progress: impl FnMut(&Summary),
) -> Result<Summary, String> {
    let mut splitter = Splitter::new(max_line);
    let mut buf = vec![0u8; BLOCK];
    let mut summary = Summary::default();
    let nd = Ndjson::new(params, max_line);
    let mut csv: Option<Csv> = None;
    let mut header = Vec::new();
    let write_err = |e: std::io::Error| format!("cannot write the output: {e}");
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => 0,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read the input: {e}")),
        };
        summary.bytes += n as u64;
        let mut block = match buf.get(..n) {
            Some(chunk) if n > 0 => splitter.push(chunk),
            _ => splitter.finish(),
        };
        if format == Format::Csv && csv.is_none() {
            header.append(&mut block);
            if let Some(i) = header.iter().position(|b| *b == b'\n') {
                block = header.split_off(i + 1);
                let c = Csv::new(params, &String::from_utf8_lossy(&header), lang)
                    .map_err(|e| format!("{e} ({})", e.code()))?;
                output.write_all(c.header().as_bytes()).map_err(write_err)?;
                csv = Some(c);
            } else if n == 0 {
                return Err("the input has no header line (payment_month,income,…)".into());
            }
        }
        let (out, rows, bad) = match csv.as_mut() {
            Some(c) => {
                let (o, k) = c.block(&block);
                (o.into_bytes(), k.rows, k.rows - k.ok)
            }
            None => nd.block(&block),
        };
        output.write_all(&out).map_err(write_err)?;
        summary.rows += rows;
        summary.not_ok += bad;
        progress(&summary);
        if n == 0 {
            break;
        }
    }
    output.flush().map_err(write_err)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitter_keeps_lines_whole_and_bounds_long_ones() {
        let mut s = Splitter::new(5);
        let mut all = Vec::new();
        for chunk in [&b"ab"[..], b"c\nde", b"f\n1234567", b"89\nxy"] {
            all.extend(s.push(chunk));
        }
        all.extend(s.finish());
        assert_eq!(all, b"abc\ndef\n\0\nxy\n");
        let mut s = Splitter::new(5);
        assert_eq!(s.push(b"123456\n7\n"), b"\0\n7\n");
    }

    #[test]
    fn pieces_cut_at_line_ends() {
        let block = b"aaaa\nbb\ncccccc\nd\n";
        for parts in 1..6 {
            let p = pieces(block, parts);
            assert!(p.len() <= parts);
            assert_eq!(p.concat(), block.to_vec());
            assert!(p.iter().all(|x| x.ends_with(b"\n")));
        }
    }

    #[test]
    fn ndjson_answers_every_line_in_order() {
        let p = Params::embedded().unwrap();
        let nd = Ndjson::new(p, 1 << 20);
        let one = r#"{"calculation":"contribution","payment_month":"2026-03","income":2000000,"method":"monthly","categories":["near_poor"],"trace":false}"#;
        let mut block = Vec::new();
        for i in 0..500 {
            if i % 7 == 3 {
                block.extend_from_slice(b"{oops\n\n");
            } else {
                block.extend_from_slice(one.as_bytes());
                block.push(b'\n');
            }
        }
        let (out, n, errors) = nd.block(&block);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 500);
        assert_eq!(n, 500);
        let expected = bhxh::evaluate(one).unwrap();
        for (i, l) in lines.iter().enumerate() {
            if i % 7 == 3 {
                assert!(l.contains("malformed_json"), "{i}: {l}");
            } else {
                assert_eq!(*l, expected);
            }
        }
        assert_eq!(errors, (0..500).filter(|i| i % 7 == 3).count() as u64);
    }

    #[test]
    fn csv_numbers_lines_across_blocks_and_threads() {
        let p = Params::embedded().unwrap();
        let mut csv = Csv::new(p, "id,payment_month,income", Lang::En).unwrap();
        let mut block = String::new();
        for i in 0..3000 {
            block.push_str(&format!("p{i},2026-03,2000000\n"));
        }
        let (a, ca) = csv.block(block.as_bytes());
        let (b, cb) = csv.block(b"last,2026-03,100\n");
        assert_eq!((ca.rows, ca.ok, cb.rows, cb.ok), (3000, 3000, 1, 0));
        for (i, l) in a.lines().enumerate() {
            assert_eq!(
                l,
                format!("{},p{i},2026-03,ok,440000,66000,0,374000", i + 2)
            );
        }
        assert_eq!(b, "3002,last,2026-03,income_below_floor,,,,\n");
    }

    #[test]
    fn a_run_streams_a_file_in_blocks() {
        let p = Params::embedded().unwrap();
        let mut input = String::from("id,payment_month,income,category\n");
        for i in 0..60_000 {
            input.push_str(&format!(
                "{i},2026-03,{},near_poor\n",
                1_500_000 + (i % 3) * 50_000
            ));
        }
        let mut out = Vec::new();
        let mut calls = 0;
        let s = run(
            p,
            Format::Csv,
            Lang::En,
            1 << 20,
            input.as_bytes(),
            &mut out,
            |_| calls += 1,
        )
        .unwrap();
        assert_eq!((s.rows, s.not_ok, s.bytes), (60_000, 0, input.len() as u64));
        assert!(calls >= 2);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 60_001);
        assert_eq!(
            text.lines().nth(60_000).unwrap(),
            "60001,59999,2026-03,ok,352000,132000,0,220000"
        );
        let e = run(
            p,
            Format::Csv,
            Lang::En,
            1 << 20,
            &b"id,income\n1,2\n"[..],
            &mut Vec::new(),
            |_| (),
        )
        .unwrap_err();
        assert!(e.contains("missing_field"), "{e}");
    }
}
