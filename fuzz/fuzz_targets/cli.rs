//! Any command line: the `bhxh` command answers, or refuses with a usage error, never a
//! panic. Arguments are the input split at NUL bytes. `eval` and `explain` read a file or
//! standard input, so for them only the argument reading is exercised (with `--help` the
//! command stops before reading).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut args: Vec<String> = data
        .split(|b| *b == 0)
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    if args.len() > 24 {
        return;
    }
    if matches!(args.first().map(String::as_str), Some("eval" | "explain")) {
        // Never read standard input: give a file that does not exist, which must be a
        // usage error (status 64), not a crash.
        args.push("/nonexistent/bhxh-fuzz".into());
    }
    let _ = bhxh_cli::run(&args);
});
